package io.appmessage.metrics.internal;

import io.appmessage.runtime.spi.PollObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The meters in one registry. Every meter with closed tags is registered up front, so a scrape shows zeros
 * before the first poll and an event costs one array or map read and an increment; per-handler meters are
 * registered on a handler's first call and cached. The gauges read levels shared by every registry
 * ({@link NodeLevels}), so a registry bound while polls run still reads them right.
 */
final class RegistryMeters implements PollObserver {

    private final MeterRegistry registry;
    private final Counter[][] polls = new Counter[3][PollMode.values().length];
    private final Timer pollDuration;
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
    private final Map<HoldEnd, Counter> holdsEnded = new EnumMap<>(HoldEnd.class);
    private final Map<SendFailure, Counter> sendFailures = new EnumMap<>(SendFailure.class);
    private final ConcurrentHashMap<String, HandlerMeters> handlers = new ConcurrentHashMap<>();
    private final Counter messagesSent;
    private final Counter messagesDelivered;
    private final Timer deliveryLag;
    private final Counter storeUnavailable;
    RegistryMeters(MeterRegistry registry, NodeLevels levels, LongSupplier onlineCount) {
        this.registry = registry;
        String[] outcomes = {"ok", "client_error", "server_error"};
        for (int outcome = 0; outcome < outcomes.length; outcome++) {
            for (PollMode mode : PollMode.values()) {
                polls[outcome][mode.ordinal()] = AppMessageMeters.polls(registry, outcomes[outcome], tag(mode));
            }
        }
        pollDuration = AppMessageMeters.pollDuration(registry);
        for (Refusal reason : Refusal.values()) {
            refused.put(reason, AppMessageMeters.refused(registry, tag(reason)));
        }
        for (HoldEnd end : HoldEnd.values()) {
            holdsEnded.put(end, AppMessageMeters.holdsEnded(registry, tag(end)));
        }
        for (SendFailure failure : SendFailure.values()) {
            sendFailures.put(failure, AppMessageMeters.sendFailures(registry, tag(failure)));
        }
        messagesSent = AppMessageMeters.messagesSent(registry);
        messagesDelivered = AppMessageMeters.messagesDelivered(registry);
        deliveryLag = AppMessageMeters.deliveryLag(registry);
        storeUnavailable = AppMessageMeters.storeUnavailable(registry);
        AppMessageMeters.pollsInFlight(registry, levels.inFlight);
        AppMessageMeters.pollsHeld(registry, levels.held);
        AppMessageMeters.storeUp(registry, levels.storeUp);
        AppMessageMeters.onlineUsers(registry, onlineCount);
    }

    @Override
    public void pollRefused(Refusal reason) {
        refused.get(reason).increment();
    }

    @Override
    public void handlerFinished(String handlerId, HandlerOutcome outcome, long durationNanos) {
        HandlerMeters meters = handlers.get(handlerId);
        if (meters == null) {
            meters = handlers.computeIfAbsent(handlerId, id -> new HandlerMeters(registry, id));
        }
        meters.duration.record(durationNanos, TimeUnit.NANOSECONDS);
        if (outcome != HandlerOutcome.OK) {
            meters.failures.get(outcome).increment();
        }
    }

    @Override
    public void pollAnswered(String userId, PollMode mode, int status, long durationNanos, int bytes,
            int messagesDelivered) {
        int outcome = status < 400 ? 0 : status < 500 ? 1 : 2;
        polls[outcome][mode.ordinal()].increment();
        pollDuration.record(durationNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void holdEnded(HoldEnd end, long heldNanos) {
        holdsEnded.get(end).increment();
    }

    @Override
    public void messageDelivered(String key, Instant sentAt) {
        messagesDelivered.increment();
        if (sentAt != null) {
            long lagMillis = Duration.between(sentAt, Instant.now()).toMillis();
            deliveryLag.record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void messageSent(String key) {
        messagesSent.increment();
    }

    @Override
    public void sendFailed(String key, SendFailure failure) {
        sendFailures.get(failure).increment();
    }

    @Override
    public void storeUnavailable() {
        storeUnavailable.increment();
    }

    /** A tag value from an enum constant: {@code LONG_POLL} → {@code long_poll}. */
    static String tag(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** One handler's timer and failure counters. */
    private static final class HandlerMeters {
        final Timer duration;
        final Map<HandlerOutcome, Counter> failures = new EnumMap<>(HandlerOutcome.class);

        HandlerMeters(MeterRegistry registry, String handlerId) {
            duration = AppMessageMeters.handlerDuration(registry, handlerId);
            for (HandlerOutcome outcome : HandlerOutcome.values()) {
                if (outcome != HandlerOutcome.OK) {
                    failures.put(outcome, AppMessageMeters.handlerFailures(registry, handlerId, tag(outcome)));
                }
            }
        }
    }
}

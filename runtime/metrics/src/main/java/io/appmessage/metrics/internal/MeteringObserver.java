package io.appmessage.metrics.internal;

import io.appmessage.runtime.spi.PollObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The observer the server is given: keeps the node's levels (in flight, held, store up) and passes each
 * event to the meters of every registry bound so far. Before the first registry is bound an event costs a
 * read of an empty array; binding copies the array, so events never lock.
 */
public final class MeteringObserver implements PollObserver {

    private final NodeLevels levels = new NodeLevels();
    private final HandlerErrors errors = new HandlerErrors();
    private final LongSupplier onlineCount;
    private volatile RegistryMeters[] targets = new RegistryMeters[0];

    public MeteringObserver(LongSupplier onlineCount) {
        this.onlineCount = onlineCount;
    }

    /** Registers every meter in {@code registry} and moves them from now on. */
    public synchronized void bindTo(MeterRegistry registry) {
        RegistryMeters[] more = Arrays.copyOf(targets, targets.length + 1);
        more[targets.length] = new RegistryMeters(registry, levels, onlineCount);
        targets = more;
    }

    @Override
    public void pollAdmitted() {
        levels.inFlight.incrementAndGet();
    }

    @Override
    public void pollRefused(Refusal reason) {
        for (RegistryMeters meters : targets) {
            meters.pollRefused(reason);
        }
    }

    @Override
    public void handlerFinished(String handlerId, HandlerOutcome outcome, long durationNanos) {
        for (RegistryMeters meters : targets) {
            meters.handlerFinished(handlerId, outcome, durationNanos);
        }
    }

    @Override
    public void handlerFailed(String handlerId, HandlerOutcome outcome, String message) {
        errors.failed(handlerId, message);
    }

    /** Each handler's last failure, for the console. */
    public HandlerErrors errors() {
        return errors;
    }

    @Override
    public void pollAnswered(String userId, PollMode mode, int status, long durationNanos, int bytes,
            int messagesDelivered) {
        levels.inFlight.decrementAndGet();
        for (RegistryMeters meters : targets) {
            meters.pollAnswered(userId, mode, status, durationNanos, bytes, messagesDelivered);
        }
    }

    @Override
    public void holdStarted() {
        levels.held.incrementAndGet();
    }

    @Override
    public void holdEnded(HoldEnd end, long heldNanos) {
        levels.held.decrementAndGet();
        for (RegistryMeters meters : targets) {
            meters.holdEnded(end, heldNanos);
        }
    }

    @Override
    public void messageDelivered(String key, Instant sentAt) {
        for (RegistryMeters meters : targets) {
            meters.messageDelivered(key, sentAt);
        }
    }

    @Override
    public void messageSent(String key) {
        for (RegistryMeters meters : targets) {
            meters.messageSent(key);
        }
    }

    @Override
    public void sendFailed(String key, SendFailure failure) {
        for (RegistryMeters meters : targets) {
            meters.sendFailed(key, failure);
        }
    }

    @Override
    public void storeUnavailable() {
        levels.storeUp.set(0);
        for (RegistryMeters meters : targets) {
            meters.storeUnavailable();
        }
    }

    @Override
    public void storeAvailable() {
        levels.storeUp.set(1);
    }
}

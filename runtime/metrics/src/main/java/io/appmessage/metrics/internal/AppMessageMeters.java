package io.appmessage.metrics.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Every meter AppMessage publishes, declared here and nowhere else. Names follow Micrometer's dotted
 * convention; Prometheus shows them with underscores, {@code _total} on counters and {@code _seconds} on
 * timers: {@code appmessage.polls} → {@code appmessage_polls_total}.
 *
 * <p>Tags are closed sets (outcome, mode, reason, kind, end) or handler ids (fixed at build time). A user id,
 * a token or a message key never becomes a tag: those would grow without bound.
 */
public final class AppMessageMeters {

    public static final String POLLS = "appmessage.polls";
    public static final String POLL_DURATION = "appmessage.poll.duration";
    public static final String HANDLER_DURATION = "appmessage.handler.duration";
    public static final String HANDLER_FAILURES = "appmessage.handler.failures";
    public static final String POLLS_IN_FLIGHT = "appmessage.polls.in.flight";
    public static final String POLLS_HELD = "appmessage.polls.held";
    public static final String HOLDS_ENDED = "appmessage.holds.ended";
    public static final String REFUSED = "appmessage.refused";
    public static final String MESSAGES_SENT = "appmessage.messages.sent";
    public static final String MESSAGES_DELIVERED = "appmessage.messages.delivered";
    public static final String SEND_FAILURES = "appmessage.send.failures";
    public static final String DELIVERY_LAG = "appmessage.delivery.lag";
    public static final String STORE_UNAVAILABLE = "appmessage.store.unavailable";
    public static final String STORE_UP = "appmessage.store.up";
    public static final String ONLINE_USERS = "appmessage.online.users";

    /** Poll and handler buckets: from a fast in-memory handler to the longest long-poll hold. */
    static final Duration[] LATENCY_BUCKETS = durations(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000,
            10_000, 30_000, 60_000);

    /** Delivery lag buckets: from a held long-poll woken at once to a user who comes back an hour later. */
    static final Duration[] LAG_BUCKETS = durations(10, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000,
            60_000, 300_000, 900_000, 3_600_000);

    private AppMessageMeters() {
    }

    static Counter polls(MeterRegistry registry, String outcome, String mode) {
        return Counter.builder(POLLS)
                .description("Polls that were admitted and answered, by outcome (ok, client_error, server_error) and mode (poll, long_poll)")
                .tag("outcome", outcome).tag("mode", mode)
                .register(registry);
    }

    static Timer pollDuration(MeterRegistry registry) {
        return Timer.builder(POLL_DURATION)
                .description("From admission to the answer handed to the transport, long-poll holds included")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    static Timer handlerDuration(MeterRegistry registry, String handlerId) {
        return Timer.builder(HANDLER_DURATION)
                .description("One handler's part of a poll, from its start to its end or the deadline")
                .tag("handler", handlerId)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    static Counter handlerFailures(MeterRegistry registry, String handlerId, String kind) {
        return Counter.builder(HANDLER_FAILURES)
                .description("Handler parts that did not end well, by kind (threw, timed_out, unwritable)")
                .tag("handler", handlerId).tag("kind", kind)
                .register(registry);
    }

    static void pollsInFlight(MeterRegistry registry, AtomicLong inFlight) {
        Gauge.builder(POLLS_IN_FLIGHT, inFlight, AtomicLong::get)
                .description("Polls admitted and not yet answered, held long-polls included")
                .strongReference(true)
                .register(registry);
    }

    static void pollsHeld(MeterRegistry registry, AtomicLong held) {
        Gauge.builder(POLLS_HELD, held, AtomicLong::get)
                .description("Long-polls held now, waiting for something new")
                .strongReference(true)
                .register(registry);
    }

    static Counter holdsEnded(MeterRegistry registry, String end) {
        return Counter.builder(HOLDS_ENDED)
                .description("Held long-polls that ended, by how (woken, timed_out, client_gone, closing)")
                .tag("end", end)
                .register(registry);
    }

    static Counter refused(MeterRegistry registry, String reason) {
        return Counter.builder(REFUSED)
                .description("Requests answered with an error without running the poll, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    static Counter messagesSent(MeterRegistry registry) {
        return Counter.builder(MESSAGES_SENT)
                .description("Targeted messages stored durably")
                .register(registry);
    }

    static Counter messagesDelivered(MeterRegistry registry) {
        return Counter.builder(MESSAGES_DELIVERED)
                .description("Targeted messages carried by an answer (a message sent again counts again)")
                .register(registry);
    }

    static Counter sendFailures(MeterRegistry registry, String failure) {
        return Counter.builder(SEND_FAILURES)
                .description("Sends that did not return an id, by failure (unavailable, outcome_unknown)")
                .tag("failure", failure)
                .register(registry);
    }

    static Timer deliveryLag(MeterRegistry registry) {
        return Timer.builder(DELIVERY_LAG)
                .description("From a message being stored to an answer carrying it")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
    }

    static Counter storeUnavailable(MeterRegistry registry) {
        return Counter.builder(STORE_UNAVAILABLE)
                .description("Times the outbox store became unreachable")
                .register(registry);
    }

    static void storeUp(MeterRegistry registry, AtomicLong up) {
        Gauge.builder(STORE_UP, up, AtomicLong::get)
                .description("1 while the outbox store answers, 0 while it cannot be reached")
                .strongReference(true)
                .register(registry);
    }

    static void onlineUsers(MeterRegistry registry, LongSupplier onlineCount) {
        Gauge.builder(ONLINE_USERS, onlineCount, supplier -> supplier.getAsLong())
                .description("Users who had a poll answered within the presence window")
                .strongReference(true)
                .register(registry);
    }

    private static Duration[] durations(long... millis) {
        Duration[] durations = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            durations[i] = Duration.ofMillis(millis[i]);
        }
        return durations;
    }
}

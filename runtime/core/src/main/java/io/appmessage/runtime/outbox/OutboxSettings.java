package io.appmessage.runtime.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Retention and read rules shared by every store.
 *
 * <pre>{@code
 * OutboxSettings settings = OutboxSettings.defaults()
 *         .withMaxMessagesPerUser(5_000)
 *         .withMaxAge(Duration.ofDays(3));
 * }</pre>
 *
 * @param maxMessagesPerUser   history kept per user, oldest dropped first (default 1,000)
 * @param maxAge               messages older than this are dropped (default 24 h)
 * @param newClientsGetHistory what a client without a cursor gets: the retained history (default, true) or
 *                             only messages sent from now on (false). See {@link #defaults()} for why.
 * @param maxJsonChars         largest payload accepted by a send (default 65,536 characters): every poll of
 *                             the user carries it until it is acknowledged
 * @param clock                the time source of {@code sentAt} and of age trimming (tests inject one)
 * @param maxMessagesPerTopic  history kept per topic, oldest dropped first (default 1,000): what a subscriber
 *                             that was away can still catch up on
 * @param maxTopicAge          topic messages older than this are dropped (default 24 h, like personal ones)
 */
public record OutboxSettings(int maxMessagesPerUser, Duration maxAge, boolean newClientsGetHistory,
                             int maxJsonChars, Clock clock, int maxMessagesPerTopic, Duration maxTopicAge) {

    public OutboxSettings {
        if (maxMessagesPerUser < 1) {
            throw new IllegalArgumentException("maxMessagesPerUser must be at least 1, got " + maxMessagesPerUser);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
        }
        if (maxJsonChars < 1) {
            throw new IllegalArgumentException("maxJsonChars must be at least 1, got " + maxJsonChars);
        }
        Objects.requireNonNull(clock, "clock");
        if (maxMessagesPerTopic < 1) {
            throw new IllegalArgumentException("maxMessagesPerTopic must be at least 1, got " + maxMessagesPerTopic);
        }
        Objects.requireNonNull(maxTopicAge, "maxTopicAge");
        if (maxTopicAge.isNegative() || maxTopicAge.isZero()) {
            throw new IllegalArgumentException("maxTopicAge must be positive, got " + maxTopicAge);
        }
    }

    /** Personal retention only; topics keep 1,000 messages for {@code maxAge}. */
    public OutboxSettings(int maxMessagesPerUser, Duration maxAge, boolean newClientsGetHistory, int maxJsonChars,
                          Clock clock) {
        this(maxMessagesPerUser, maxAge, newClientsGetHistory, maxJsonChars, clock, 1_000, maxAge);
    }

    /**
     * 1,000 messages and 24 h per user and per topic, new clients get the retained history, 64 Ki characters per payload,
     * the system clock.
     *
     * <p>Why new clients get history: a message is sent because something happened to the user ("your
     * order shipped"), often while the app was closed or before it was installed on this phone. Starting a
     * cursor-less client "from now" would lose exactly those messages; at-least-once means they arrive.
     * Retention bounds the replay (at most 1,000 messages, 24 h), paging bounds each answer, and the client
     * stores its cursor from then on, so a restart does not replay again.
     */
    public static OutboxSettings defaults() {
        return new OutboxSettings(1_000, Duration.ofHours(24), true, 65_536, Clock.systemUTC(), 1_000,
                Duration.ofHours(24));
    }

    public OutboxSettings withMaxMessagesPerUser(int value) {
        return new OutboxSettings(value, maxAge, newClientsGetHistory, maxJsonChars, clock,
                maxMessagesPerTopic, maxTopicAge);
    }

    public OutboxSettings withMaxAge(Duration value) {
        return new OutboxSettings(maxMessagesPerUser, value, newClientsGetHistory, maxJsonChars, clock,
                maxMessagesPerTopic, maxTopicAge);
    }

    public OutboxSettings withNewClientsGetHistory(boolean value) {
        return new OutboxSettings(maxMessagesPerUser, maxAge, value, maxJsonChars, clock,
                maxMessagesPerTopic, maxTopicAge);
    }

    public OutboxSettings withMaxJsonChars(int value) {
        return new OutboxSettings(maxMessagesPerUser, maxAge, newClientsGetHistory, value, clock,
                maxMessagesPerTopic, maxTopicAge);
    }

    public OutboxSettings withClock(Clock value) {
        return new OutboxSettings(maxMessagesPerUser, maxAge, newClientsGetHistory, maxJsonChars, value, maxMessagesPerTopic,
                maxTopicAge);
    }

    public OutboxSettings withMaxMessagesPerTopic(int value) {
        return new OutboxSettings(maxMessagesPerUser, maxAge, newClientsGetHistory, maxJsonChars, clock, value,
                maxTopicAge);
    }

    public OutboxSettings withMaxTopicAge(Duration value) {
        return new OutboxSettings(maxMessagesPerUser, maxAge, newClientsGetHistory, maxJsonChars, clock,
                maxMessagesPerTopic, value);
    }
}

package io.appmessage.runtime;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.internal.outbox.TopicPatterns;
import java.util.Objects;

/**
 * Decides, on every poll that lists {@code topics}, which of them this poll may read. A refused topic is
 * named in the answer's {@code refused_topics}; the poll still answers the rest. Called on a worker
 * thread, once per listed topic: answer from memory (the poll's user id, its identity's claims, a cached
 * membership), never block on a slow service.
 *
 * <pre>{@code
 * AppMessageServer.builder()
 *         .publicTopics("all", "live:*")                       // anyone, logged in or not
 *         .topicAuthorizer((poll, topic) -> topic.startsWith("order:")
 *                 && poll.userId().map(u -> orders.mayWatch(u, topic.substring(6))).orElse(false))
 *         ...
 * }</pre>
 *
 * <p>The default refuses every topic: only topics the app declares public (see {@link #publicTopics}) are
 * read by anyone. The request gives the poll's user ({@code userId()}, empty when anonymous), its headers
 * and query parameters.
 */
@FunctionalInterface
public interface TopicAuthorizer {

    /** Refuses every topic. */
    TopicAuthorizer NONE = (poll, topic) -> false;

    /**
     * Whether this poll may read {@code topic} (a valid topic name). An exception counts as a refusal and
     * is logged at most once per 10 s.
     */
    boolean mayRead(AppMessageRequest poll, String topic);

    /**
     * Allows every poll, anonymous ones too, to read topics that match one of {@code patterns}: a topic name
     * ({@code all}), or a prefix ending with {@code *} ({@code live:*} matches {@code live:42}; {@code *}
     * alone matches every topic).
     *
     * @throws IllegalArgumentException naming the rule when a pattern is neither
     */
    static TopicAuthorizer publicTopics(String... patterns) {
        TopicPatterns matcher = TopicPatterns.of(patterns);
        return (poll, topic) -> matcher.matches(topic);
    }

    /** Allows a topic when this authorizer or {@code other} does (this one is asked first). */
    default TopicAuthorizer or(TopicAuthorizer other) {
        Objects.requireNonNull(other, "other");
        return (poll, topic) -> mayRead(poll, topic) || other.mayRead(poll, topic);
    }
}

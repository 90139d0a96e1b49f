package io.appmessage.runtime.spi;

import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.OutboxUnavailableException;

/**
 * Where targeted messages live: per user, ids 1, 2, 3, … in send order, history bounded by
 * {@link OutboxSettings}. Two implementations: {@code EmbeddedOutboxStore} (one node, the default) and
 * {@code RedisOutboxStore} (several nodes). Apps use {@link AppMessageOutbox}, which validates input and
 * wakes waiting polls; a store trusts its caller's validation.
 *
 * <pre>{@code
 * try (OutboxStore store = EmbeddedOutboxStore.open(Path.of("appmessage-data"), OutboxSettings.defaults())) {
 *     long id = store.append("alice", "order_shipped", "{\"order\":42}").id();
 *     Batch batch = store.read("alice", null, 100);
 * }
 * }</pre>
 *
 * <p>The contract every implementation keeps (and {@link ReadWindow} implements the read half of):
 * <ul>
 *   <li>{@link #append} returns only after the message is durable, and a reader never sees a message
 *       that a crash could still take back (else a client could acknowledge an id that is later reused).</li>
 *   <li>Ids increase by exactly one per user, so a gap in a read means messages were trimmed.</li>
 *   <li>A read answers {@code recovered=false} and starts at the oldest retained message when the cursor's
 *       epoch is not this store's, its id is ahead of the user's last id, or messages after it were
 *       trimmed. A {@code null} cursor is a new client (see {@link OutboxSettings#newClientsGetHistory()}).</li>
 * </ul>
 */
public interface OutboxStore extends AutoCloseable {

    /**
     * Stores one message for one user, durably, and returns it with its id and time.
     *
     * @throws OutboxUnavailableException when the store cannot be written (exactly this type: the message is
     *         certainly not stored; {@link io.appmessage.runtime.outbox.OutboxOutcomeUnknownException}: it may
     *         be)
     */
    OutboxMessage append(String userId, String key, String json);

    /**
     * Stores one message unless this user already has a message stored under {@code idempotencyKey}
     * within the retention window ({@link OutboxSettings#maxAge()}); then stores nothing and returns the
     * first message's id. The check and the append are one atomic step with the same durability as
     * {@link #append(String, String, String)} (one transaction, one script): two concurrent sends with one
     * key store one message, and a crash never keeps the key without its message or the message without its
     * key. A repeat is answered by its key alone; its key and data are not compared with the first send's.
     *
     * <p>A store that implements this keeps the key for at least the retention window, per user (keys of two
     * users never collide), and survives restarts like its messages. The default refuses, so a store written
     * before idempotent sends keeps compiling and says clearly that it does not support them.
     *
     * @param idempotencyKey 1–128 characters without control characters, validated by the caller
     * @return the stored message, or for a repeat the first send's id with this call's key, data and time
     *         ({@link Appended#repeated()} tells the two apart)
     * @throws OutboxUnavailableException   when the store certainly did not store the message
     * @throws io.appmessage.runtime.outbox.OutboxOutcomeUnknownException when the store may have stored it
     *         (a timeout): retrying with the same key is safe
     * @throws UnsupportedOperationException when this store does not keep idempotency keys
     */
    default Appended append(String userId, String key, String json, String idempotencyKey) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support idempotent sends:"
                + " send without an idempotency key, or use a store that implements"
                + " OutboxStore.append(userId, key, json, idempotencyKey)");
    }

    /**
     * What an idempotent append did.
     *
     * @param message  the stored message, or for a repeat the first send's id (with the repeat's fields)
     * @param repeated true when the key was already known and nothing new was stored
     */
    record Appended(OutboxMessage message, boolean repeated) {
        public Appended {
            java.util.Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The user's messages after {@code after}, oldest first, at most {@code limit}.
     *
     * @param after the client's cursor, or {@code null} for a client that has none yet
     * @param limit at least 1
     * @throws OutboxUnavailableException when the store cannot be read right now
     */
    Batch read(String userId, Cursor after, int limit);

    /**
     * Stores one message for a topic (every subscriber reads it), durably, like {@link #append(String, String,
     * String)}: ids 1, 2, 3, … per topic, history bounded by {@link OutboxSettings#maxMessagesPerTopic()} and
     * {@link OutboxSettings#maxTopicAge()}. Topic streams are apart from user streams: a topic and a user of
     * the same name never share ids. The default refuses, so a store written before topics keeps compiling.
     *
     * @param topic a valid topic name, validated by the caller
     * @throws UnsupportedOperationException when this store keeps no topics
     */
    default OutboxMessage appendToTopic(String topic, String key, String json) {
        throw noTopics();
    }

    /**
     * {@link #appendToTopic(String, String, String)} at most once per idempotency key and topic, with the same
     * rules as {@link #append(String, String, String, String)}.
     */
    default Appended appendToTopic(String topic, String key, String json, String idempotencyKey) {
        throw noTopics();
    }

    /**
     * A topic's messages after {@code after}, oldest first, at most {@code limit}: the same cursor rules as
     * {@link #read} ({@link ReadWindow}), on the topic's own ids. A reader of several topics calls this once
     * per topic (on Redis Cluster each topic lives in its own slot).
     */
    default Batch readTopic(String topic, Cursor after, int limit) {
        throw noTopics();
    }

    private UnsupportedOperationException noTopics() {
        return new UnsupportedOperationException(getClass().getName() + " keeps no topics: publish with a store"
                + " that implements OutboxStore.appendToTopic and readTopic (the embedded and the Redis store do)");
    }

    /** This store's epoch: fixed for the life of its data, new when the data is reset. */
    String epoch();

    /** Releases files or connections. */
    @Override
    void close();
}

package io.appmessage.runtime.spi;

import io.appmessage.runtime.outbox.OutboxMessage;

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
     * @throws OutboxUnavailableException when the store cannot be written (the message is not stored)
     */
    OutboxMessage append(String userId, String key, String json);

    /**
     * The user's messages after {@code after}, oldest first, at most {@code limit}.
     *
     * @param after the client's cursor, or {@code null} for a client that has none yet
     * @param limit at least 1
     * @throws OutboxUnavailableException when the store cannot be read right now
     */
    Batch read(String userId, Cursor after, int limit);

    /** This store's epoch: fixed for the life of its data, new when the data is reset. */
    String epoch();

    /** Releases files or connections. */
    @Override
    void close();
}

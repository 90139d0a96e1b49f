/**
 * Targeted messages (DESIGN.md, "Targeted messages"; issue 6): {@link io.appmessage.runtime.outbox.AppMessageOutbox}
 * stores a message for one user durably before it returns the message's id, and the poll path reads it back
 * after the client's {@link io.appmessage.runtime.outbox.Cursor}.
 *
 * <p>Layout: this package holds the API and the cursor rules every store shares ({@link
 * io.appmessage.runtime.outbox.ReadWindow}); {@code embedded} is the default store (H2's MVStore),
 * {@code redis} the store for several nodes (Redis Streams) and the Redis wake-up signal; {@code signal}
 * the wake-up signal long-poll listens to (issue 7, item 2).
 */
package io.appmessage.runtime.outbox;

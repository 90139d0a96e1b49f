/**
 * Targeted messages: {@link io.appmessage.runtime.outbox.AppMessageOutbox} stores a message for one user
 * durably before it returns the message's id, and the poll path reads it back after the client's cursor.
 *
 * <p>This package is the API an app calls: the outbox, its settings, the message it returns, the error a send
 * can end in, and the factory of the Redis store ({@link io.appmessage.runtime.outbox.RedisOutboxes}). What
 * a store implements lives in {@link io.appmessage.runtime.spi}; the stores themselves are internal.
 */
package io.appmessage.runtime.outbox;

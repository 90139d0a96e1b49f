package io.appmessage.runtime.outbox;

/**
 * The store cannot be reached or written right now (Redis down, disk full, data directory locked). The
 * message says what to check. A send that throws exactly this type certainly stored nothing: send it again
 * later. Its subclass {@link OutboxOutcomeUnknownException} means the send may have been stored (the store
 * timed out): send it again with the same idempotency key.
 *
 * <pre>{@code
 * try {
 *     outbox.sendJson(userId, "order_shipped", json);
 * } catch (OutboxUnavailableException e) {
 *     retryLater(e);   // e.getMessage() names the store and what to check
 * }
 * }</pre>
 */
public class OutboxUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public OutboxUnavailableException(String message) {
        super(message);
    }
}

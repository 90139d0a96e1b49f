package io.appmessage.runtime.outbox;

/**
 * The store cannot be reached or written right now (Redis down, disk full, data directory locked). The
 * message says what to check. A send that throws this did not return an id: treat the message as not sent
 * and send it again later (issue 6: "sending fails with a clear error, nothing silently dropped").
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

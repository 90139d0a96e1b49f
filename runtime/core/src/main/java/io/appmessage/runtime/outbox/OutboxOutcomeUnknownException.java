package io.appmessage.runtime.outbox;

/**
 * The store did not answer in time (Redis timed out or the connection broke after the send was written):
 * the message <em>may have been stored</em>. Sending it again with a new idempotency key (or none) can
 * deliver it twice under two ids; send it again with the <em>same</em> idempotency key instead, which
 * stores it at most once and returns its id either way.
 *
 * <p>A subclass of {@link OutboxUnavailableException}, so code that catches that still sees the store as
 * unavailable; catch this one first to tell "retry with the same key" from "nothing was stored".
 *
 * <pre>{@code
 * try {
 *     outbox.sendJson(userId, "order_shipped", json, "order-42-shipped");
 * } catch (OutboxOutcomeUnknownException e) {
 *     retryLaterWithSameKey(e);    // it may be stored already: the same key makes the retry safe
 * } catch (OutboxUnavailableException e) {
 *     retryLater(e);               // certainly not stored
 * }
 * }</pre>
 */
public class OutboxOutcomeUnknownException extends OutboxUnavailableException {
    private static final long serialVersionUID = 1L;

    public OutboxOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}

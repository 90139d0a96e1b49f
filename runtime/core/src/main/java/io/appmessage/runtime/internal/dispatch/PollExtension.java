package io.appmessage.runtime.internal.dispatch;

import java.util.concurrent.CompletionStage;

/**
 * A stage of the poll pipeline around the handlers: the seam for long-poll and targeted
 * messages. Extensions run in the order they were added.
 *
 * <pre>{@code
 * // long-poll, sketched: hold the poll, with no thread, until woken or the wait ends
 * public CompletionStage<?> beforeHandlers(PollContext poll) {
 *     return waits.holdUntilWokenOrTimeout(poll.request()); // handlers run when this completes
 * }
 * // targeted messages, sketched: add messages and cursor to the envelope
 * public void afterHandlers(PollContext poll) {
 *     poll.envelopeFields(sink -> { sink.name("cursor"); sink.string(...); });
 * }
 * }</pre>
 */
public interface PollExtension {

    /**
     * Runs before the handlers, on a worker thread. Return {@code null} (or a completed stage) to
     * go on at once; return a pending stage to hold the poll, with no thread, until it completes;
     * the handlers then run on a worker. A stage that fails answers 500; throwing
     * {@link BadPollRequestException} answers 400 with its message.
     *
     * <p>A held poll gives its in-flight permit back while it waits (held polls do not count toward
     * {@code maxInFlight}) and takes it again when it answers; an extension that holds polls must
     * bound how many it holds (long-poll's {@code maxHeldPolls}).
     */
    default CompletionStage<?> beforeHandlers(PollContext poll) {
        return null;
    }

    /**
     * False when neither stage blocks for a poll whose user is not identified (the only polls that
     * may run on an I/O thread): then such a poll whose handlers are all non-blocking runs where it
     * arrived. True by default: a stage is taken to block unless it says otherwise.
     */
    default boolean mayBlockAnonymousPolls() {
        return true;
    }

    /** Runs after the handlers, before the envelope is written; may set envelope fields. */
    default void afterHandlers(PollContext poll) {
    }
}

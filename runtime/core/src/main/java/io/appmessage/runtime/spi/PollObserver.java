package io.appmessage.runtime.spi;

import java.time.Instant;

/**
 * Hears what the runtime does: every poll, handler, hold and message, as it happens. Metrics, presence and
 * consoles are built on it; the runtime itself keeps no counts.
 *
 * <pre>{@code
 * AppMessageServer.builder()
 *         .observer(new PollObserver() {
 *             @Override
 *             public void handlerFinished(String handlerId, HandlerOutcome outcome, long durationNanos) {
 *                 if (outcome != HandlerOutcome.OK) alerts.handlerFailed(handlerId, outcome);
 *             }
 *         })
 *         .build();
 * }</pre>
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Methods are called on the thread where the event happened (an I/O thread, a worker, a store's
 *       thread), concurrently from many threads: return fast, never block, never throw. An exception thrown
 *       here is logged (rate-limited) and does not change the poll.</li>
 *   <li>Every method has a no-op default, so an observer overrides only what it needs and new events can be
 *       added without breaking it.</li>
 *   <li>A user id is passed where an event belongs to a user, for presence; it must never become a metric tag.</li>
 *   <li>With no observer set the runtime calls none of these and allocates nothing for them.</li>
 * </ul>
 */
public interface PollObserver {

    /** How a poll asked to be answered. */
    enum PollMode {
        /** Answered at once. */
        POLL,
        /** Sent {@code wait}: may be held until something arrives or the wait ends. */
        LONG_POLL
    }

    /**
     * Why a request was answered without running its handlers. Refusals at admission (method,
     * closing, overload, body) come without {@link #pollAdmitted()}; the ones found while reading an
     * admitted poll (query, token, {@code wait}, the hold limit) come after it, and the poll's
     * {@link #pollAnswered} follows.
     */
    enum Refusal {
        /** The in-flight limit was reached (503). */
        OVERLOADED,
        /** The limit of held long-polls was reached: answered at once, not held (the client polls on its interval). */
        TOO_MANY_HELD,
        /** The server is closing (503). */
        CLOSING,
        /** The query or {@code wait} could not be read (400), or the body was malformed or late (400, 408). */
        BAD_REQUEST,
        /** A method other than GET or POST (405). */
        METHOD_NOT_ALLOWED,
        /** The body or the headers were too large (413, 431). */
        TOO_LARGE,
        /** The app's authenticator refused the token (401). */
        UNAUTHORIZED
    }

    /** How one handler's part of a poll ended. */
    enum HandlerOutcome {
        /** Ran and pushed (or returned) what it had. */
        OK,
        /** Threw, or its stage completed exceptionally. */
        THREW,
        /** Did not finish within the poll's deadline. */
        TIMED_OUT,
        /** Pushed data that cannot be written as JSON, or a malformed key; that data was dropped. */
        UNWRITABLE
    }

    /** How a held long-poll ended. */
    enum HoldEnd {
        /** A message, a notify or a publish woke it. */
        WOKEN,
        /** Its {@code wait} ran out with nothing new. */
        TIMED_OUT,
        /** The client closed the connection first. */
        CLIENT_GONE,
        /** The server is closing and answered it early. */
        CLOSING
    }

    /** Why a send did not return an id. */
    enum SendFailure {
        /** The store refused before anything was written: nothing was stored. */
        UNAVAILABLE,
        /** The store did not answer in time: the message may have been stored. */
        OUTCOME_UNKNOWN
    }

    /** A poll passed admission and will be run (its handlers and, when asked, a hold). */
    default void pollAdmitted() {
    }

    /** A request was answered with an error without running the poll. */
    default void pollRefused(Refusal reason) {
    }

    /**
     * One handler's part of a poll ended.
     *
     * @param handlerId the handler's stable id ({@code com.shop.OrderHandlers#status})
     * @param durationNanos from the handler's start to its end (or to the deadline, when it timed out)
     */
    default void handlerFinished(String handlerId, HandlerOutcome outcome, long durationNanos) {
    }

    /**
     * What went wrong in a handler's part of a poll, heard before that part's {@link #handlerFinished}
     * (which says {@code outcome} too). Called for every failure, also the ones the log holds back.
     *
     * @param handlerId the handler's stable id
     * @param outcome   {@link HandlerOutcome#THREW}, {@link HandlerOutcome#TIMED_OUT} or {@link HandlerOutcome#UNWRITABLE}
     * @param message   one line for people, never a stack trace: the exception's class and message
     *                  ({@code java.lang.IllegalStateException: inventory down}), the deadline missed, or
     *                  the key that could not be written; it may carry what the handler's exception said
     */
    default void handlerFailed(String handlerId, HandlerOutcome outcome, String message) {
    }

    /**
     * A poll that was admitted got its answer: once per admitted poll, unless its client went away
     * while it was held (then {@link #holdEnded} says {@link HoldEnd#CLIENT_GONE} and nothing is answered).
     *
     * @param userId the polling user, {@code null} for an anonymous poll; for presence, never for a tag
     * @param status the HTTP status sent (200 for every normal answer)
     * @param durationNanos from admission to the answer being handed to the transport, holds included
     * @param bytes the answer body's length
     * @param messagesDelivered how many targeted messages the answer carries
     */
    default void pollAnswered(String userId, PollMode mode, int status, long durationNanos, int bytes,
            int messagesDelivered) {
    }

    /** A long-poll found nothing new and is now held, with no thread. */
    default void holdStarted() {
    }

    /** A held long-poll ended after {@code heldNanos}. */
    default void holdEnded(HoldEnd end, long heldNanos) {
    }

    /**
     * An answer carries a targeted message; called once per message per answer, so a message sent again
     * (its cursor was not acknowledged) is heard again.
     *
     * @param sentAt when the message was stored, for delivery lag
     */
    default void messageDelivered(String key, Instant sentAt) {
    }

    /** A targeted message was stored durably and got its id. */
    default void messageSent(String key) {
    }

    /** A send did not return an id. */
    default void sendFailed(String key, SendFailure failure) {
    }

    /** The outbox store could not be reached (the first failure after it was reachable). */
    default void storeUnavailable() {
    }

    /** The outbox store answered again after being unavailable. */
    default void storeAvailable() {
    }
}

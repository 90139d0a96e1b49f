package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.spi.PollObserver.HandlerOutcome;

/**
 * How each handler of one poll ended and how long it took, for {@link PollObserver#handlerFinished}.
 * Made only when an observer is set; the handlers' own thread writes their slots, the answer reads
 * them after the handler phase is closed. Handlers that never started (after one that ran past the
 * deadline) are not reported.
 */
final class HandlerOutcomes {

    private static final HandlerOutcome[] OUTCOMES = HandlerOutcome.values();
    private static final byte NOT_STARTED = -1;

    private final long[] startNanos;
    private final long[] endNanos;
    private final byte[] outcome;

    HandlerOutcomes(int handlers) {
        startNanos = new long[handlers];
        endNanos = new long[handlers];
        outcome = new byte[handlers];
        java.util.Arrays.fill(outcome, NOT_STARTED);
    }

    void started(int position) {
        startNanos[position] = System.nanoTime();
        outcome[position] = (byte) HandlerOutcome.OK.ordinal();
    }

    void ended(int position, boolean threw) {
        endNanos[position] = System.nanoTime();
        outcome[position] = (byte) (threw ? HandlerOutcome.THREW : HandlerOutcome.OK).ordinal();
    }

    void asyncEnded(int position, long settledAtNanos, boolean threw) {
        endNanos[position] = settledAtNanos;
        outcome[position] = (byte) (threw ? HandlerOutcome.THREW : HandlerOutcome.OK).ordinal();
    }

    void timedOut(int position) {
        endNanos[position] = System.nanoTime();
        outcome[position] = (byte) HandlerOutcome.TIMED_OUT.ordinal();
    }

    /** Some of its data was dropped: an OK handler becomes UNWRITABLE. */
    void unwritable(int position) {
        if (outcome[position] == HandlerOutcome.OK.ordinal()) {
            outcome[position] = (byte) HandlerOutcome.UNWRITABLE.ordinal();
        }
    }

    void report(HandlerSlot[] handlers, PollObserver observer) {
        for (int i = 0; i < outcome.length; i++) {
            if (outcome[i] != NOT_STARTED) {
                long end = endNanos[i] != 0 ? endNanos[i] : System.nanoTime();
                observer.handlerFinished(handlers[i].id, OUTCOMES[outcome[i]], end - startNanos[i]);
            }
        }
    }
}

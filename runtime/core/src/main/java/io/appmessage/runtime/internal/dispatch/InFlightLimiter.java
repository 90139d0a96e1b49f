package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.internal.shared.BoundedCounter;

/**
 * Counts polls in flight (admitted, not yet answered) and refuses beyond a maximum (503 with
 * Retry-After). Also lets a graceful close wait until the count drops to zero and every answer is
 * handed to the transport.
 */
final class InFlightLimiter {

    private final BoundedCounter inFlight;
    /**
     * Answers whose permit is back but which the transport has not taken yet (see
     * {@link #releaseAndHandOver}): idle waits for them too, else a shutdown could stop the
     * transport between the two steps and cut the answer.
     */
    private final BoundedCounter handingOver = new BoundedCounter(Integer.MAX_VALUE);

    InFlightLimiter(int max) {
        this.inFlight = new BoundedCounter(max);
    }

    boolean tryAcquire() {
        return inFlight.tryAcquire();
    }

    /**
     * Counts a poll that was held (and gave its permit back) and now answers: it was admitted
     * already, so it is counted without the limit (refusing it now would waste its wait).
     */
    void acquireUnchecked() {
        inFlight.acquireUnchecked();
    }

    void release() {
        inFlight.release();
    }

    /**
     * Gives the permit back, then runs {@code handOver} (which gives the answer to the transport).
     * The permit goes first so that a client polling again the moment it has the answer finds it
     * free; the answer stays counted for {@link #awaitIdle} until {@code handOver} returned, so a
     * graceful close never sees "idle" while an answer is between the two (the transport would be
     * stopped in that gap and the poll's connection closed unanswered).
     */
    void releaseAndHandOver(Runnable handOver) {
        handingOver.acquireUnchecked(); // before the release: idle must never see both counts at zero in between
        inFlight.release();
        try {
            handOver.run();
        } finally {
            handingOver.release();
        }
    }

    /** {@link #releaseAndHandOver(Runnable)} for the poll path: hands {@code response} to {@code answer}, no task object. */
    void releaseAndHandOver(PollAnswer answer, io.appmessage.runtime.PollResponse response) {
        handingOver.acquireUnchecked();
        inFlight.release();
        try {
            answer.send(response);
        } finally {
            handingOver.release();
        }
    }

    int inFlight() {
        return inFlight.count();
    }

    /** Waits until no poll is in flight and no answer is being handed over, or {@code millis} passed; true when idle. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        // inFlight first: a hand-over counts itself before it releases, so seeing inFlight at zero
        // and then handingOver at zero means every answer released so far was handed over
        while (true) {
            long left = Math.max(0, (end - System.nanoTime()) / 1_000_000L);
            if (!inFlight.awaitZero(left)) {
                return false;
            }
            left = Math.max(0, (end - System.nanoTime()) / 1_000_000L);
            if (!handingOver.awaitZero(left)) {
                return false;
            }
            if (inFlight.count() == 0) {
                return true;
            }
        }
    }
}

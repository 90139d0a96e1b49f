package io.appmessage.runtime.internal.dispatch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts polls in flight (admitted, not yet answered) and refuses beyond a maximum (issue 3,
 * item 5: 503 with Retry-After). Also lets shutdown wait until the count drops to zero and every
 * answer is handed to the transport.
 */
final class InFlightLimiter {

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();
    /**
     * Answers whose permit is back but which the transport has not taken yet (see
     * {@link #releaseAndHandOver}): idle waits for them too, else a shutdown could stop the
     * transport between the two steps and cut the answer.
     */
    private final AtomicInteger handingOver = new AtomicInteger();
    private final Object idle = new Object();

    InFlightLimiter(int max) {
        this.max = max;
    }

    boolean tryAcquire() {
        while (true) {
            int n = inFlight.get();
            if (n >= max) {
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /**
     * Counts a poll that was held (and gave its permit back) and now answers: it was admitted
     * already, so it is counted without the limit (refusing it now would waste its wait).
     */
    void acquireUnchecked() {
        inFlight.incrementAndGet();
    }

    void release() {
        if (inFlight.decrementAndGet() == 0) {
            wakeIdleWaiters();
        }
    }

    /**
     * Gives the permit back, then runs {@code handOver} (which gives the answer to the transport).
     * The permit goes first so that a client polling again the moment it has the answer finds it
     * free; the answer stays counted for {@link #awaitIdle} until {@code handOver} returned, so a
     * graceful close never sees "idle" while an answer is between the two (issue 3, item 1: the
     * transport was stopped in that gap and the in-flight poll's connection closed unanswered).
     */
    void releaseAndHandOver(Runnable handOver) {
        handingOver.incrementAndGet(); // before the release: idle must never see both counts at zero in between
        release();
        try {
            handOver.run();
        } finally {
            if (handingOver.decrementAndGet() == 0) {
                wakeIdleWaiters();
            }
        }
    }

    private void wakeIdleWaiters() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Waits until no poll is in flight and no answer is being handed over, or {@code millis} passed; true when idle. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        synchronized (idle) {
            // inFlight first: a hand-over counts itself before it releases, so seeing inFlight at
            // zero and then handingOver at zero means every answer released so far was handed over
            while (inFlight.get() > 0 || handingOver.get() > 0) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                idle.wait(left);
            }
        }
        return true;
    }
}

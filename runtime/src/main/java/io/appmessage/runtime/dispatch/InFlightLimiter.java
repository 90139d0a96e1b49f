package io.appmessage.runtime.dispatch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts polls in flight (admitted, not yet answered) and refuses beyond a maximum (issue 3,
 * item 5: 503 with Retry-After). Also lets shutdown wait until the count drops to zero.
 */
final class InFlightLimiter {

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();
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
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Waits until no poll is in flight or {@code millis} passed; true when idle. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        synchronized (idle) {
            while (inFlight.get() > 0) {
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

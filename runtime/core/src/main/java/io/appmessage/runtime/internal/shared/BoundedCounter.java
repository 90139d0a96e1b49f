package io.appmessage.runtime.internal.shared;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A count with a ceiling: polls in flight, held long-polls, answers not yet written. Taking a place
 * fails at the ceiling instead of waiting; giving the last one back wakes whoever waits for zero
 * (a graceful close). Lock-free on the poll path, allocation-free.
 *
 * <pre>{@code
 * BoundedCounter inFlight = new BoundedCounter(10_000);
 * if (!inFlight.tryAcquire()) return busy;
 * try { ... } finally { inFlight.release(); }
 * }</pre>
 */
public final class BoundedCounter {

    private final int max;
    private final AtomicInteger count = new AtomicInteger();
    private final Object zero = new Object();
    /** Threads in {@link #awaitZero}: the last release takes the lock to wake them only when there are any. */
    private final AtomicInteger waiters = new AtomicInteger();

    /** {@code max} {@link Integer#MAX_VALUE} for a counter that only counts. */
    public BoundedCounter(int max) {
        this.max = max;
    }

    /** Takes a place unless {@code max} are taken. */
    public boolean tryAcquire() {
        while (true) {
            int n = count.get();
            if (n >= max) {
                return false;
            }
            if (count.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Takes a place past the ceiling (for what was admitted before and must not be refused now). */
    public void acquireUnchecked() {
        count.incrementAndGet();
    }

    /**
     * Gives a place back; the last one wakes {@link #awaitZero} waiters. A count that drops to zero
     * on every poll (nothing else in flight) then costs no lock: a waiter counts itself before it
     * reads the count, and this reads the waiters after the count, so one of the two sees the other.
     */
    public void release() {
        if (count.decrementAndGet() == 0 && waiters.get() > 0) {
            synchronized (zero) {
                zero.notifyAll();
            }
        }
    }

    public int count() {
        return count.get();
    }

    public int max() {
        return max;
    }

    /** Waits until the count is zero, or {@code millis} passed; true when zero. */
    public boolean awaitZero(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        waiters.incrementAndGet();
        try {
            synchronized (zero) {
                while (count.get() > 0) {
                    long left = (end - System.nanoTime()) / 1_000_000L;
                    if (left <= 0) {
                        return false;
                    }
                    zero.wait(left);
                }
            }
            return true;
        } finally {
            waiters.decrementAndGet();
        }
    }
}

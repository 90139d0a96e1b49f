package io.appmessage.runtime.internal.dispatch;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most one log line per interval for one handler, counting what it held back, so a handler
 * that fails on every poll cannot flood the log (issue 3, item 4).
 */
final class FaultLogLimiter {

    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger suppressed = new AtomicInteger();

    FaultLogLimiter(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /**
     * Returns -1 when this fault must not be logged, else how many were held back since the last
     * line (which this call resets).
     */
    int tryAcquire() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}

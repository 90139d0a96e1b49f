package io.appmessage.runtime.internal.shared;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most one log line per interval for one source of faults, counting the lines it held back, so a
 * fault that repeats on every poll (a failing handler, an unreachable store, a throwing observer)
 * cannot flood the log. One instance per source; thread-safe, allocation-free.
 *
 * <pre>{@code
 * int held = limiter.tryAcquire();
 * if (held >= 0) LOG.warn("store unavailable ({} similar lines held back)", held);
 * }</pre>
 */
public final class RateLimitedLog {

    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger suppressed = new AtomicInteger();

    public RateLimitedLog(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /**
     * Returns -1 when this line must not be logged, else how many were held back since the last
     * line (which this call resets).
     */
    public int tryAcquire() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }

    /** {@code " (N similar lines not logged)"} for a held-back count above 0, else the empty string. */
    public static String heldBackSuffix(int held, String what) {
        return held > 0 ? " (" + held + " similar " + what + " not logged)" : "";
    }
}

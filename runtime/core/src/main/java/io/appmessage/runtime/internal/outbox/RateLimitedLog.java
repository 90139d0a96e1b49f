package io.appmessage.runtime.internal.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most one log line per interval, counting what it held back, so an outage that fails every send
 * writes one line per interval instead of one per send.
 *
 * <pre>{@code
 * int heldBack = limiter.tryAcquire();
 * if (heldBack >= 0) {
 *     LOG.warn("send failed ({} more since the last line): {}", heldBack, e.getMessage());
 * }
 * }</pre>
 */
public final class RateLimitedLog {

    /** One line per 10 s, like the poll path. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger suppressed = new AtomicInteger();

    public RateLimitedLog(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** -1 when this event must not be logged, else how many were held back since the last line (reset now). */
    public int tryAcquire() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}

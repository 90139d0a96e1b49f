package io.appmessage.benchmarks.load;

import java.util.function.IntSupplier;

/**
 * Waits until a server holds at least so many long-polls (every simulated client is parked again), bounded, as
 * the long-poll benchmarks do before each measured send or publish.
 *
 * <pre>{@code
 * int held = HeldPollsWait.until(server::heldPolls, 10_000, 60_000);   // what it reached, even if short
 * }</pre>
 */
public final class HeldPollsWait {

    private HeldPollsWait() {
    }

    /** Polls {@code held} every 10 ms until it reaches {@code target} or {@code timeoutMillis} pass; returns its last value. */
    public static int until(IntSupplier held, int target, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int now = held.getAsInt();
        while (now < target && System.nanoTime() < deadline) {
            Thread.sleep(10);
            now = held.getAsInt();
        }
        return now;
    }
}

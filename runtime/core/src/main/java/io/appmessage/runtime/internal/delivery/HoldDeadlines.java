package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.spi.PollObserver.HoldEnd;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When held polls' waits end, in buckets of {@link #TICK_MILLIS}: holding adds the poll to its deadline's
 * bucket and releasing takes it out (a hash set each, no lock shared by every poll), and one task on the shared
 * timer ends the waits of every bucket that is due. A wait ends up to one tick late, never early. A timer task
 * per poll would cost a lock that the I/O threads holding polls and the thread releasing a publish's ten
 * thousand share, and a heap operation each.
 *
 * <pre>{@code
 * HoldDeadlines deadlines = HoldDeadlines.start(timer);
 * deadlines.add(held, 25);      // held.timedOut() in 25 s unless removed first
 * deadlines.remove(held);
 * }</pre>
 */
final class HoldDeadlines implements AutoCloseable {

    static final long TICK_MILLIS = 100;

    /** Tick number → the polls whose wait ends in it. */
    private final ConcurrentHashMap<Long, Set<HeldPoll>> buckets = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweeper;

    private HoldDeadlines(ScheduledExecutorService timer) {
        this.sweeper = timer.scheduleWithFixedDelay(this::sweep, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    static HoldDeadlines start(ScheduledExecutorService timer) {
        return new HoldDeadlines(timer);
    }

    /** Ends {@code held}'s wait ({@link HeldPoll#timedOut()}) once {@code seconds} have passed, unless removed first. */
    void add(HeldPoll held, int seconds) {
        long tick = Math.floorDiv(System.nanoTime() / 1_000_000 + seconds * 1_000L, TICK_MILLIS) + 1;
        held.deadlineTick = tick;
        Set<HeldPoll> bucket = buckets.get(tick);
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(tick, t -> ConcurrentHashMap.newKeySet(sizeHint(t)));
        }
        bucket.add(held);
    }

    /** A new bucket is sized for as many polls as the one before it holds, so a burst of holds does not rehash it. */
    private int sizeHint(long tick) {
        Set<HeldPoll> previous = buckets.get(tick - 1);
        return previous == null ? 16 : Math.max(16, previous.size());
    }

    /** The poll was released otherwise: its wait needs no end. */
    void remove(HeldPoll held) {
        Set<HeldPoll> bucket = buckets.get(held.deadlineTick);
        if (bucket != null) {
            bucket.remove(held);
        }
    }

    /** Ends every wait now, as {@code end}: a wake for everyone, or shutdown. A poll held meanwhile may be missed,
     * as it checks the store after it is registered. */
    void releaseEvery(HoldEnd end) {
        for (Set<HeldPoll> bucket : buckets.values()) {
            for (HeldPoll held : bucket) {
                held.release(end);
            }
        }
    }

    /** Ends the waits of every bucket whose tick has begun. */
    private void sweep() {
        long now = Math.floorDiv(System.nanoTime() / 1_000_000, TICK_MILLIS);
        for (Long tick : buckets.keySet()) {
            if (tick <= now) {
                Set<HeldPoll> due = buckets.remove(tick);
                if (due != null) {
                    for (HeldPoll held : due) {
                        held.timedOut();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.cancel(false);
    }
}

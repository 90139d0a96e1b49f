package io.appmessage.runtime.internal.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of every poll's handler phase without a timer task per poll. Every poll has the same
 * deadline, so polls armed one after the other expire in that order: each of a few striped lists
 * keeps its polls in arming order, the poll itself is the list node (no allocation), cancelling
 * unlinks it in O(1), and one periodic tick on the server's timer thread expires the heads that are
 * due. A deadline fires up to one tick late (the tick is a twentieth of the deadline, at most 10 ms).
 *
 * <pre>{@code
 * PollDeadlines deadlines = PollDeadlines.start(timer, deadlineNanos);
 * deadlines.arm(poll);      // before the handlers
 * deadlines.cancel(poll);   // when the poll answers first
 * }</pre>
 */
final class PollDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(PollDeadlines.class);

    /** Most time between two ticks: how late a deadline may fire. */
    static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final long deadlineNanos;
    private final Stripe[] stripes;

    private PollDeadlines(long deadlineNanos, int stripeCount) {
        this.deadlineNanos = deadlineNanos;
        this.stripes = new Stripe[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** Deadlines ticked on {@code timer} (a single thread that must not block). */
    static PollDeadlines start(ScheduledExecutorService timer, long deadlineNanos) {
        int stripeCount = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2);
        PollDeadlines deadlines = new PollDeadlines(deadlineNanos, stripeCount);
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(MAX_TICK_NANOS, deadlineNanos / 20));
        timer.scheduleAtFixedRate(deadlines::expireDue, tick, tick, TimeUnit.NANOSECONDS);
        return deadlines;
    }

    /** Starts {@code poll}'s deadline now. */
    void arm(Poll poll) {
        Stripe stripe = stripes[(int) Thread.currentThread().getId() & (stripes.length - 1)];
        synchronized (stripe) {
            // read under the lock: the arming order of one stripe is its expiry order
            poll.deadlineAt = System.nanoTime() + deadlineNanos;
            poll.deadlineStripe = stripe;
            poll.deadlinePrevious = stripe.tail;
            poll.deadlineNext = null;
            if (stripe.tail == null) {
                stripe.head = poll;
            } else {
                stripe.tail.deadlineNext = poll;
            }
            stripe.tail = poll;
        }
    }

    /** Stops {@code poll}'s deadline if it is still armed. */
    void cancel(Poll poll) {
        Stripe stripe = poll.deadlineStripe;
        if (stripe == null) {
            return;
        }
        synchronized (stripe) {
            if (poll.deadlineStripe == stripe) {
                stripe.unlink(poll);
            }
        }
    }

    /** The tick: every poll whose deadline passed is told so (outside the locks). */
    private void expireDue() {
        long now = System.nanoTime();
        int start = ThreadLocalRandom.current().nextInt(stripes.length);
        for (int i = 0; i < stripes.length; i++) {
            Stripe stripe = stripes[(start + i) & (stripes.length - 1)];
            while (true) {
                Poll due;
                synchronized (stripe) {
                    due = stripe.head;
                    if (due == null || due.deadlineAt - now > 0) {
                        break;
                    }
                    stripe.unlink(due);
                }
                try {
                    due.deadlinePassed();
                } catch (RuntimeException e) {
                    // a throw must not end the periodic tick, which every later deadline needs
                    LOG.error("a poll deadline could not be handled", e);
                }
            }
        }
    }

    /** One list of armed polls, in arming order; guarded by its own monitor. */
    static final class Stripe {
        private Poll head;
        private Poll tail;

        private void unlink(Poll poll) {
            Poll previous = poll.deadlinePrevious;
            Poll next = poll.deadlineNext;
            if (previous == null) {
                head = next;
            } else {
                previous.deadlineNext = next;
            }
            if (next == null) {
                tail = previous;
            } else {
                next.deadlinePrevious = previous;
            }
            poll.deadlinePrevious = null;
            poll.deadlineNext = null;
            poll.deadlineStripe = null;
        }
    }
}

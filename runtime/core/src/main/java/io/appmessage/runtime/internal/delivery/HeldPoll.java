package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.spi.PollObserver.HoldEnd;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One poll held by long-poll: a stage that completes once, whichever comes first of a wake-up for
 * its user (or everyone, or one of its topics), the end of its wait ({@link HoldDeadlines}, not a thread), the client going away,
 * or shutdown. Releasing removes it from {@link HeldPolls} and frees its slot.
 *
 * <pre>{@code
 * HeldPoll held = heldPolls.tryHold("alice", 25);
 * return held.released();      // the poll's handlers run when this completes
 * }</pre>
 */
final class HeldPoll {

    /** Null for an anonymous poll: only {@code notifyAllUsers} and the end of its wait release it. */
    final String userId;
    /** The topics it waits on: a publish to one of them releases it. */
    final List<String> topics;
    private final HeldPolls registry;
    private final CompletableFuture<HoldEnd> released = new CompletableFuture<>();
    private final AtomicBoolean over = new AtomicBoolean();
    /** Its bucket in {@link HoldDeadlines}: set before it is added there. */
    long deadlineTick;
    /** The topic whose publish detached the set it was in (so it need not be taken out of it), or null. */
    volatile String wokenBy;

    HeldPoll(String userId, List<String> topics, HeldPolls registry) {
        this.userId = userId;
        this.topics = topics;
        this.registry = registry;
    }

    /** Completes with how the hold ended. */
    CompletableFuture<HoldEnd> released() {
        return released;
    }

    /** A publish to {@code topic} detached the set of that topic's polls it is in: call just before {@link #release()}. */
    void wokenBy(String topic) {
        if (wokenBy == null) {
            wokenBy = topic;
        }
    }

    /** The end of its wait came first. */
    void timedOut() {
        release(HoldEnd.TIMED_OUT);
    }

    /** Ends the hold as woken (idempotent): see {@link #release(HoldEnd)}. */
    void release() {
        release(HoldEnd.WOKEN);
    }

    /** Ends the hold (idempotent): out of the registry and its deadline's bucket, slot freed, stage completed with {@code end}. */
    void release(HoldEnd end) {
        if (!over.compareAndSet(false, true)) {
            return;
        }
        registry.removed(this);
        released.complete(end);
    }
}

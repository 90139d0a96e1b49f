package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.internal.shared.BoundedCounter;
import io.appmessage.runtime.spi.PollObserver.HoldEnd;
import io.appmessage.runtime.spi.WakeListener;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every poll long-poll holds on this node, by user and by topic, with a cap, so 10,000 held polls on
 * one node cost bounded threads and memory. Holding costs no thread: a held poll is a
 * {@link HeldPoll} in these maps plus an entry in its deadline's bucket ({@link HoldDeadlines}). It listens to the
 * {@code MessageSignal}: a wake for a user releases that user's held polls, a wake for everyone
 * releases all of them (anonymous ones included), a wake for a topic releases the polls subscribed to it.
 *
 * <pre>{@code
 * HeldPolls held = new HeldPolls(20_000, timer);
 * signal.subscribe(held);
 * HeldPoll poll = held.tryHold("alice", 25);   // null: at the cap, answer at once
 * }</pre>
 */
final class HeldPolls implements WakeListener, AutoCloseable {

    /** Up to this many polls of a topic are released on the signalling thread; more on {@code releases}. */
    private static final int INLINE_RELEASES = 16;

    private final HoldDeadlines deadlines;
    private final BoundedCounter count;
    /** Lists are only touched inside the map's atomic per-key operations, or after being removed from it. */
    private final ConcurrentHashMap<String, List<HeldPoll>> byUser = new ConcurrentHashMap<>();
    /** Topic → the polls waiting on it; sets are only touched inside the map's atomic per-key operations. */
    private final ConcurrentHashMap<String, Set<HeldPoll>> byTopic = new ConcurrentHashMap<>();

    /** Topic → how many polls its last publish woke; a cache, cleared beyond {@link #MAX_SIZE_HINTS} topics. */
    private final ConcurrentHashMap<String, Integer> sizeHints = new ConcurrentHashMap<>();
    private static final int MAX_SIZE_HINTS = 1_024;

    /** Where the polls of a busy topic are released, so that a publish returns once its message is durable. */
    private final Executor releases;

    HeldPolls(int max, ScheduledExecutorService timer) {
        this(max, timer, Runnable::run);
    }

    HeldPolls(int max, ScheduledExecutorService timer, Executor releases) {
        this.count = new BoundedCounter(max);
        this.deadlines = HoldDeadlines.start(timer);
        this.releases = releases;
    }

    /**
     * Registers a held poll for {@code userId} (null = anonymous) that ends after {@code seconds} at the
     * latest. Registered before the caller checks the store, so a message sent in between wakes it
     * (no lost wake-up). Null when {@code maxHeldPolls} polls are held already.
     */
    HeldPoll tryHold(String userId, int seconds) {
        return tryHold(userId, List.of(), seconds);
    }

    /** Like {@link #tryHold(String, int)}, also released by a publish to one of {@code topics}. */
    HeldPoll tryHold(String userId, List<String> topics, int seconds) {
        if (!count.tryAcquire()) {
            return null;
        }
        HeldPoll held = new HeldPoll(userId, topics, this);
        for (String topic : topics) {
            byTopic.compute(topic, (t, set) -> {
                Set<HeldPoll> polls = set == null ? new HashSet<>(sizeHint(t)) : set;
                polls.add(held);
                return polls;
            });
        }
        if (userId != null) { // an anonymous poll is only in its deadline's bucket, where a wake for everyone finds it
            byUser.compute(userId, (user, list) -> {
                List<HeldPoll> polls = list == null ? new ArrayList<>(2) : list;
                polls.add(held);
                return polls;
            });
        }
        deadlines.add(held, seconds);
        return held;
    }

    /** Called once by {@link HeldPoll#release()}. */
    void removed(HeldPoll held) {
        deadlines.remove(held);
        for (String topic : held.topics) {
            if (topic.equals(held.wokenBy)) {
                continue; // that topic's set was detached to wake it: nothing to take it out of
            }
            byTopic.computeIfPresent(topic, (t, polls) -> {
                polls.remove(held);
                return polls.isEmpty() ? null : polls;
            });
        }
        if (held.userId != null) {
            byUser.computeIfPresent(held.userId, (user, polls) -> {
                polls.remove(held);
                return polls.isEmpty() ? null : polls;
            });
        }
        count.release();
    }

    /** Stops ending waits (the server is closed: its held polls were released). */
    @Override
    public void close() {
        deadlines.close();
    }

    /** How many polls are held now. */
    int size() {
        return count.count();
    }

    @Override
    public void userChanged(String userId) {
        List<HeldPoll> polls = byUser.remove(userId);
        if (polls != null) {
            for (HeldPoll held : polls.toArray(new HeldPoll[0])) {
                held.release();
            }
        }
    }

    @Override
    public void topicChanged(String topic) {
        Set<HeldPoll> polls = byTopic.remove(topic); // detached now: a poll held from here on waits for the next
        if (polls == null) {
            return;
        }
        HeldPoll[] woken = polls.toArray(new HeldPoll[0]);
        if (sizeHints.size() >= MAX_SIZE_HINTS) {
            sizeHints.clear();
        }
        sizeHints.put(topic, woken.length); // its next set grows to about as many: sized so, it never rehashes
        if (woken.length <= INLINE_RELEASES) {
            releaseAll(woken, topic);
            return;
        }
        try {
            releases.execute(() -> releaseAll(woken, topic));
        } catch (RejectedExecutionException closing) {
            releaseAll(woken, topic);
        }
    }

    private static void releaseAll(HeldPoll[] polls, String topic) {
        for (HeldPoll held : polls) {
            held.wokenBy(topic);
            held.release();
        }
    }

    /** The capacity for a new set of {@code topic}'s polls: as many as its last publish woke. */
    private int sizeHint(String topic) {
        Integer last = sizeHints.remove(topic);
        return last == null ? 16 : (int) Math.min(1 << 20, last * 4L / 3 + 1);
    }

    /** Every held poll, with a user or anonymous, is in exactly one deadline bucket: all are released. */
    @Override
    public void everyoneChanged() {
        deadlines.releaseEvery(HoldEnd.WOKEN);
    }

    /** Answers every held poll now (shutdown: they get their answer before the listener closes). */
    void releaseAll() {
        deadlines.releaseEvery(HoldEnd.CLOSING);
    }
}

package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.internal.shared.BoundedCounter;
import io.appmessage.runtime.spi.PollObserver.HoldEnd;
import io.appmessage.runtime.spi.WakeListener;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every poll long-poll holds on this node, by user and by topic, with a cap, so 10,000 held polls on
 * one node cost bounded threads and memory. Holding costs no thread: a held poll is a
 * {@link HeldPoll} in this map plus one task in the shared timer queue. It listens to the
 * {@code MessageSignal}: a wake for a user releases that user's held polls, a wake for everyone
 * releases all of them (anonymous ones included), a wake for a topic releases the polls subscribed to it.
 *
 * <pre>{@code
 * HeldPolls held = new HeldPolls(20_000, timer);
 * signal.subscribe(held);
 * HeldPoll poll = held.tryHold("alice", 25);   // null: at the cap, answer at once
 * }</pre>
 */
final class HeldPolls implements WakeListener {

    private final ScheduledExecutorService timer;
    private final BoundedCounter count;
    /** Lists are only touched inside the map's atomic per-key operations, or after being removed from it. */
    private final ConcurrentHashMap<String, List<HeldPoll>> byUser = new ConcurrentHashMap<>();
    private final Set<HeldPoll> anonymous = ConcurrentHashMap.newKeySet();
    /** Topic → the polls waiting on it; sets are only touched inside the map's atomic per-key operations. */
    private final ConcurrentHashMap<String, Set<HeldPoll>> byTopic = new ConcurrentHashMap<>();

    HeldPolls(int max, ScheduledExecutorService timer) {
        this.count = new BoundedCounter(max);
        this.timer = timer;
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
                Set<HeldPoll> polls = set == null ? new HashSet<>() : set;
                polls.add(held);
                return polls;
            });
        }
        if (userId == null) {
            anonymous.add(held);
        } else {
            byUser.compute(userId, (user, list) -> {
                List<HeldPoll> polls = list == null ? new ArrayList<>(2) : list;
                polls.add(held);
                return polls;
            });
        }
        held.timer(timer.schedule(held::timedOut, seconds, TimeUnit.SECONDS));
        return held;
    }

    /** Called once by {@link HeldPoll#release()}. */
    void removed(HeldPoll held) {
        for (String topic : held.topics) {
            byTopic.computeIfPresent(topic, (t, polls) -> {
                polls.remove(held);
                return polls.isEmpty() ? null : polls;
            });
        }
        if (held.userId == null) {
            anonymous.remove(held);
        } else {
            byUser.computeIfPresent(held.userId, (user, polls) -> {
                polls.remove(held);
                return polls.isEmpty() ? null : polls;
            });
        }
        count.release();
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
        Set<HeldPoll> polls = byTopic.remove(topic);
        if (polls != null) {
            for (HeldPoll held : polls.toArray(new HeldPoll[0])) {
                held.release();
            }
        }
    }

    @Override
    public void everyoneChanged() {
        for (String userId : byUser.keySet()) {
            userChanged(userId);
        }
        for (HeldPoll held : anonymous) {
            held.release();
        }
    }

    /** Answers every held poll now (shutdown: they get their answer before the listener closes). */
    void releaseAll() {
        for (String userId : byUser.keySet()) {
            List<HeldPoll> polls = byUser.remove(userId);
            if (polls != null) {
                for (HeldPoll held : polls.toArray(new HeldPoll[0])) {
                    held.release(HoldEnd.CLOSING);
                }
            }
        }
        for (HeldPoll held : anonymous) {
            held.release(HoldEnd.CLOSING);
        }
    }
}

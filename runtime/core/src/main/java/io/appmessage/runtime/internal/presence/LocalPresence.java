package io.appmessage.runtime.internal.presence;

import io.appmessage.runtime.presence.Presence;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Presence in this node's memory: user id → when their last poll was answered. A poll costs a map read,
 * and a write only when the user's entry is older than a twentieth of the window (so a user polling
 * often, or many connections of one user, do not all write the same entry); expired entries are swept by the poll that finds the last sweep older than half a window (one thread
 * sweeps, the others go on), so memory follows the users online, never the users ever seen.
 */
public final class LocalPresence implements Presence {

    private final ConcurrentHashMap<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final long windowNanos;
    private final long refreshNanos;
    private final Duration window;
    private final int maxUsers;
    private final LongSupplier clock;
    private final AtomicLong nextSweep;

    public LocalPresence(Duration window, int maxUsers) {
        this(window, maxUsers, System::nanoTime);
    }

    /** With the clock given, so expiry can be tested without waiting. */
    public LocalPresence(Duration window, int maxUsers, LongSupplier nanoClock) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("presence window must be positive, got " + window);
        }
        if (maxUsers < 1) {
            throw new IllegalArgumentException("presence maxUsers must be at least 1, got " + maxUsers);
        }
        this.window = window;
        this.windowNanos = window.toNanos();
        this.refreshNanos = windowNanos / 20;
        this.maxUsers = maxUsers;
        this.clock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + windowNanos / 2);
    }

    @Override
    public void pollAnswered(String userId, PollMode mode, int status, long durationNanos, int bytes,
            int messagesDelivered) {
        if (userId != null) {
            seen(userId);
        }
    }

    /** Marks {@code userId} online now; true when its entry was written (new, or renewed). */
    public boolean seen(String userId) {
        long now = clock.getAsLong();
        sweepWhenDue(now);
        Long before = lastSeen.get(userId);
        if (before != null && now - before < refreshNanos) {
            return false; // seen a moment ago: still online for (almost) the whole window
        }
        if (before == null && lastSeen.size() >= maxUsers) {
            return false; // at the cap: only users already known are renewed
        }
        lastSeen.put(userId, now);
        return true;
    }

    @Override
    public boolean isOnline(String userId) {
        Long seen = userId == null ? null : lastSeen.get(userId);
        return seen != null && clock.getAsLong() - seen < windowNanos;
    }

    @Override
    public long onlineCount() {
        long now = clock.getAsLong();
        return lastSeen.values().stream().filter(seen -> now - seen < windowNanos).count();
    }

    @Override
    public Duration window() {
        return window;
    }

    /** How many users are remembered now, expired ones not yet swept included. */
    public int remembered() {
        return lastSeen.size();
    }

    private void sweepWhenDue(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + windowNanos / 2)) {
            return;
        }
        lastSeen.values().removeIf(seen -> now - seen >= windowNanos);
    }
}

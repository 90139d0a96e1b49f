package io.appmessage.runtime.presence;

import io.appmessage.runtime.internal.outbox.redis.RedisPresence;
import io.appmessage.runtime.internal.presence.LocalPresence;
import io.appmessage.runtime.spi.PollObserver;
import java.time.Duration;

/**
 * Who is online: a user is online while their last answered poll is younger than the window. Apps read it to
 * decide whether to reach a user some other way; the console shows the count.
 *
 * <pre>{@code
 * Presence presence = Presence.local(Presence.DEFAULT_WINDOW);           // one node
 * Presence shared = Presence.redis("redis://redis.internal:6379", Presence.DEFAULT_WINDOW); // every node
 * if (!presence.isOnline("u42")) sms.send("u42", "your order shipped");
 * }</pre>
 *
 * <p>A presence is fed by the polls it hears, as a {@link PollObserver}: it only counts users whose polls
 * carried an identity (anonymous polls are never counted). Memory is bounded: entries expire after the
 * window and the number of users remembered is capped ({@link #DEFAULT_MAX_USERS}); past the cap, new users
 * are not counted until older ones expire.
 */
public interface Presence extends PollObserver, AutoCloseable {

    /** Two poll intervals of the default client (5 s): one missed poll does not make a user offline. */
    Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

    /** The most users one presence remembers. */
    int DEFAULT_MAX_USERS = 1_000_000;

    /** True when {@code userId} had a poll answered within the window. */
    boolean isOnline(String userId);

    /** How many users had a poll answered within the window. */
    long onlineCount();

    /** The window a poll keeps its user online for. */
    Duration window();

    /** Stops any background work and releases connections this presence opened. */
    @Override
    default void close() {
    }

    /** Presence kept in this node's memory: who polled this node. */
    static Presence local(Duration window) {
        return new LocalPresence(window, DEFAULT_MAX_USERS);
    }

    /**
     * Presence shared by every node on one Redis server (a sorted set of user ids scored by their last poll,
     * bounded and expired). Needs {@code io.lettuce:lettuce-core} on the class path; close it at shutdown.
     *
     * @param uri the Redis URI, usually the outbox's (e.g. {@code redis://redis.internal:6379})
     * @throws io.appmessage.runtime.outbox.OutboxUnavailableException when Redis cannot be reached now
     */
    static Presence redis(String uri, Duration window) {
        return RedisPresence.connect(uri, window, DEFAULT_MAX_USERS, RedisPresence.DEFAULT_KEY);
    }
}

package io.appmessage.runtime.internal.outbox.redis;

import io.appmessage.runtime.internal.presence.LocalPresence;
import io.appmessage.runtime.presence.Presence;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence shared by every node: one Redis sorted set, member = user id, score = when (epoch ms) their last
 * poll was answered on any node.
 *
 * <p>A poll never waits for Redis: it marks the user in this node's memory, and a background thread writes
 * the users seen since its last round every {@code flushInterval} in one pipelined ZADD, then trims the set:
 * scores older than the window are removed, the set is cut to the newest {@code maxUsers}, and the key
 * expires after two windows without any node writing it. Reads ask Redis (ZSCORE, ZCOUNT); when Redis
 * cannot be reached they answer from this node's memory and say so in the log once per outage. Node clocks
 * are assumed NTP-close: a skew larger than the window counts users wrongly.
 */
public final class RedisPresence implements Presence {

    /** The sorted set's key; nodes sharing it share presence. */
    public static final String DEFAULT_KEY = "appmessage:presence";

    private static final Logger LOG = LoggerFactory.getLogger(RedisPresence.class);
    private static final Duration MAX_FLUSH_INTERVAL = Duration.ofSeconds(1);

    private final RedisEndpoint endpoint;
    private final boolean ownsEndpoint;
    private final String key;
    private final Duration window;
    private final int maxUsers;
    private final LocalPresence local;
    private final ConcurrentHashMap<String, Long> unwritten = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;
    private final AtomicBoolean redisDown = new AtomicBoolean();

    RedisPresence(RedisEndpoint endpoint, boolean ownsEndpoint, Duration window, int maxUsers, String key) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.ownsEndpoint = ownsEndpoint;
        this.key = Objects.requireNonNull(key, "key");
        this.local = new LocalPresence(window, maxUsers);
        this.window = window;
        this.maxUsers = maxUsers;
        long flushMillis = Math.max(50, Math.min(MAX_FLUSH_INTERVAL.toMillis(), window.toMillis() / 4));
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "appmessage-presence-redis");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    /** Presence on its own connection to {@code uri}. */
    public static RedisPresence connect(String uri, Duration window, int maxUsers, String key) {
        return new RedisPresence(RedisEndpoint.connect(uri, RedisEndpoint.DEFAULT_COMMAND_TIMEOUT), true, window,
                maxUsers, key);
    }

    /** Presence on a connection the outbox already has; closing the presence leaves it open. */
    public static RedisPresence on(RedisEndpoint endpoint, Duration window, int maxUsers, String key) {
        return new RedisPresence(endpoint, false, window, maxUsers, key);
    }

    @Override
    public void pollAnswered(String userId, PollMode mode, int status, long durationNanos, int bytes,
            int messagesDelivered) {
        if (userId == null) {
            return;
        }
        if (local.seen(userId) && unwritten.size() < maxUsers) { // what this node renewed, Redis renews
            unwritten.put(userId, System.currentTimeMillis());
        }
    }

    @Override
    public boolean isOnline(String userId) {
        if (userId == null) {
            return false;
        }
        if (local.isOnline(userId)) {
            return true;
        }
        try {
            Double score = commands().zscore(key, userId);
            redisAnswered();
            return score != null && score > System.currentTimeMillis() - window.toMillis();
        } catch (RedisException e) {
            redisFailed("read whether a user is online", e);
            return false;
        }
    }

    @Override
    public long onlineCount() {
        try {
            long since = System.currentTimeMillis() - window.toMillis();
            Long count = commands().zcount(key, Range.create((double) since + 1, Double.POSITIVE_INFINITY));
            redisAnswered();
            return Math.max(count == null ? 0 : count, local.onlineCount());
        } catch (RedisException e) {
            redisFailed("count the users online", e);
            return local.onlineCount();
        }
    }

    @Override
    public Duration window() {
        return window;
    }

    /** Writes the users seen since the last round and trims the set; runs on the flusher thread. */
    void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        List<ScoredValue<String>> batch = new ArrayList<>(unwritten.size());
        for (Map.Entry<String, Long> seen : unwritten.entrySet()) {
            if (unwritten.remove(seen.getKey(), seen.getValue())) {
                batch.add(ScoredValue.just(seen.getValue(), seen.getKey()));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            RedisCommands<String, String> redis = commands();
            @SuppressWarnings("unchecked")
            ScoredValue<String>[] values = batch.toArray(ScoredValue[]::new);
            redis.zadd(key, values);
            redis.zremrangebyscore(key, Range.create(Double.NEGATIVE_INFINITY,
                    (double) (System.currentTimeMillis() - window.toMillis())));
            redis.zremrangebyrank(key, 0, -(maxUsers + 1L));
            redis.pexpire(key, window.toMillis() * 2);
            redisAnswered();
        } catch (RedisException e) {
            redisFailed("record the users who polled (they count on this node only until it answers)", e);
        } catch (RuntimeException e) {
            LOG.warn("presence: writing to Redis at {} failed: {}", endpoint.where(), e.toString());
        }
    }

    private RedisCommands<String, String> commands() {
        return endpoint.connection().sync();
    }

    private void redisFailed(String action, RedisException e) {
        if (redisDown.compareAndSet(false, true)) {
            LOG.warn("presence: Redis at {} did not {} ({}); answering from this node's polls until it is back",
                    endpoint.where(), action, e.getMessage());
        }
    }

    private void redisAnswered() {
        if (redisDown.compareAndSet(true, false)) {
            LOG.info("presence: Redis at {} answers again", endpoint.where());
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            if (flusher.awaitTermination(2, TimeUnit.SECONDS)) {
                flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsEndpoint) {
            endpoint.close();
        }
    }
}

package io.appmessage.runtime.internal.outbox.redis;

import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.spi.Epochs;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.spi.OutboxStore;
import io.appmessage.runtime.spi.ReadWindow;
import io.lettuce.core.RedisException;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outbox on Redis Streams, for several server nodes sharing one Redis: one stream per
 * user, trimmed by count and age, ids from a per-user counter, the epoch in one key created on first use.
 * Every append and read is one Lua script, so it is atomic and one round trip.
 *
 * <pre>{@code
 * RedisEndpoint redis = RedisEndpoint.connect("redis://127.0.0.1:6379", RedisEndpoint.DEFAULT_COMMAND_TIMEOUT);
 * OutboxStore store = new RedisOutboxStore(redis, OutboxSettings.defaults());
 * }</pre>
 *
 * <p>When Redis is down or slow, {@link #append} and {@link #read} throw {@code OutboxUnavailableException}
 * within the endpoint's command timeout, saying what to check; nothing is queued in this process.
 *
 * <p>Durability is Redis's: a send returns after Redis applied it. Run Redis with {@code appendonly yes} and
 * {@code appendfsync always} for sends to survive a Redis crash (see OUTBOX.md). If Redis loses its data,
 * the epoch key goes with it, so clients see a new epoch and {@code recovered=false}.
 */
public final class RedisOutboxStore implements OutboxStore {

    /** Default key prefix. */
    public static final String DEFAULT_PREFIX = "appmessage:outbox:";

    private static final LuaScript APPEND = LuaScript.load("append.lua");
    private static final LuaScript READ = LuaScript.load("read.lua");

    private final RedisEndpoint endpoint;
    private final RedisClusterCommands<String, String> redis;
    private final OutboxSettings settings;
    private final RedisKeys keys;
    private final int replicasToAcknowledge;
    private final Duration replicaTimeout;

    public RedisOutboxStore(RedisEndpoint endpoint, OutboxSettings settings) {
        this(endpoint, settings, DEFAULT_PREFIX);
    }

    public RedisOutboxStore(RedisEndpoint endpoint, OutboxSettings settings, String keyPrefix) {
        this(endpoint, settings, keyPrefix, 0, Duration.ZERO);
    }

    /**
     * @param replicasToAcknowledge a send is acknowledged only once this many replicas have it ({@code WAIT});
     *                              0 acknowledges when the primary applied it
     * @param replicaTimeout        how long a send waits for them; then it fails as "may have been stored"
     */
    public RedisOutboxStore(RedisEndpoint endpoint, OutboxSettings settings, String keyPrefix,
                            int replicasToAcknowledge, Duration replicaTimeout) {
        if (replicasToAcknowledge < 0) {
            throw new IllegalArgumentException("replicasToAcknowledge must be 0 or more, got " + replicasToAcknowledge);
        }
        if (replicasToAcknowledge > 0 && endpoint.cluster()) {
            throw new IllegalArgumentException("replicasToAcknowledge (WAIT) is supported on one primary (with or"
                    + " without sentinels), not on Redis Cluster, where WAIT would not reach the user's primary");
        }
        this.replicasToAcknowledge = replicasToAcknowledge;
        this.replicaTimeout = Objects.requireNonNull(replicaTimeout, "replicaTimeout");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.redis = endpoint.sync();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = new RedisKeys(Objects.requireNonNull(keyPrefix, "keyPrefix"), endpoint.cluster());
    }

    @Override
    public OutboxMessage append(String userId, String key, String json) {
        return appendOnce(userId, key, json, null).message();
    }

    @Override
    public Appended append(String userId, String key, String json, String idempotencyKey) {
        return appendOnce(userId, key, json, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
    }

    @Override
    public OutboxMessage appendToTopic(String topic, String key, String json) {
        return appendOnce(keys.topicStream(topic), null, key, json, settings.maxMessagesPerTopic(),
                settings.maxTopicAge()).message();
    }

    @Override
    public Appended appendToTopic(String topic, String key, String json, String idempotencyKey) {
        return appendOnce(keys.topicStream(topic),
                keys.topicIdempotency(topic, Objects.requireNonNull(idempotencyKey, "idempotencyKey")), key, json,
                settings.maxMessagesPerTopic(), settings.maxTopicAge());
    }

    /** One script: with a known idempotency key it answers the first id, else it appends and keeps the key. */
    private Appended appendOnce(String userId, String key, String json, String idempotencyKey) {
        return appendOnce(userKeys(userId), idempotencyKey == null ? null : keys.idempotency(userId, idempotencyKey),
                key, json, settings.maxMessagesPerUser(), settings.maxAge());
    }

    /** {@code streamKeys}: epoch, counter, stream (one slot); {@code idempotencyKey}: its Redis key, or null. */
    private Appended appendOnce(String[] streamKeys, String idempotencyKey, String key, String json, int maxMessages,
                                Duration maxAge) {
        Instant now = settings.clock().instant();
        String[] scriptKeys = streamKeys;
        if (idempotencyKey != null) {
            scriptKeys = java.util.Arrays.copyOf(streamKeys, 4);
            scriptKeys[3] = idempotencyKey;
        }
        List<Object> result;
        try {
            result = APPEND.run(redis, scriptKeys, freshEpoch(), key, json,
                    Long.toString(now.toEpochMilli()),
                    Integer.toString(maxMessages),
                    Long.toString(now.minus(maxAge).toEpochMilli()),
                    Long.toString(maxAge.toMillis()));
        } catch (RedisException e) {
            throw endpoint.sendFailed(e);
        }
        if (replicasToAcknowledge > 0) {
            awaitReplicas();
        }
        OutboxMessage message = new OutboxMessage((Long) result.get(1), key, json, now);
        return new Appended(message, result.size() > 2 && ((Long) result.get(2)) == 1L);
    }

    /**
     * {@code WAIT n timeout}: returns once {@code n} replicas have every write this connection made so far,
     * the send included. Fewer in time means the primary has it but a failover now could lose it.
     */
    private void awaitReplicas() {
        long acknowledged;
        try {
            acknowledged = redis.waitForReplication(replicasToAcknowledge, replicaTimeout.toMillis());
        } catch (RedisException e) {
            throw endpoint.sendFailed(e);
        }
        if (acknowledged < replicasToAcknowledge) {
            throw new io.appmessage.runtime.outbox.OutboxOutcomeUnknownException("Redis at " + endpoint.where()
                    + " stored the message but only " + acknowledged + " of " + replicasToAcknowledge
                    + " replicas confirmed it within " + replicaTimeout.toMillis() + " ms: it may have been stored"
                    + " (a failover now could lose it); retry with the same Idempotency-Key. Check the replicas'"
                    + " link to the primary (INFO replication).", null);
        }
    }

    @Override
    public Batch read(String userId, Cursor after, int limit) {
        return read(userKeys(userId), after, limit, settings.maxAge());
    }

    /** One script per topic: a reader of several topics never sends a multi-key command across slots. */
    @Override
    public Batch readTopic(String topic, Cursor after, int limit) {
        return read(keys.topicStream(topic), after, limit, settings.maxTopicAge());
    }

    private Batch read(String[] streamKeys, Cursor after, int limit, Duration maxAge) {
        ReadWindow.requireLimit(limit);
        Instant now = settings.clock().instant();
        String mode = after != null ? "cursor" : settings.newClientsGetHistory() ? "history" : "now";
        List<Object> result;
        try {
            result = READ.run(redis, streamKeys, freshEpoch(), mode,
                    after != null ? after.epoch() : "",
                    after != null ? Long.toString(after.lastId()) : "0",
                    Integer.toString(limit + 1),
                    Long.toString(now.minus(maxAge).toEpochMilli()));
        } catch (RedisException e) {
            throw endpoint.unavailable("answer a read", e, ": answer the poll without targeted messages");
        }
        String epoch = (String) result.get(0);
        long lastId = (Long) result.get(1);
        ReadWindow window = ReadWindow.start(after, epoch, lastId, settings.newClientsGetHistory());
        return window.finish(epoch, lastId, decode((List<?>) result.get(2)), limit);
    }

    /**
     * The epoch (created if Redis has none yet).
     *
     * @throws io.appmessage.runtime.outbox.OutboxUnavailableException when Redis cannot be reached
     */
    @Override
    public String epoch() {
        try {
            String known = redis.get(keys.epoch());
            if (known != null) {
                return known;
            }
            redis.set(keys.epoch(), freshEpoch(), io.lettuce.core.SetArgs.Builder.nx());
            return redis.get(keys.epoch());
        } catch (RedisException e) {
            throw endpoint.unavailable("answer the epoch", e, "");
        }
    }

    /** Does nothing: the {@link RedisEndpoint} owns the connection and is closed by whoever opened it. */
    @Override
    public void close() {
    }

    /**
     * Offered with every call, used only when Redis has no epoch key (first use, or its data was lost). Fresh
     * each time: a node that offered the same one again after Redis lost its data would hand old cursors a
     * matching epoch, and clients would take reused ids for repeats.
     */
    private static String freshEpoch() {
        return Epochs.next();
    }

    private String[] userKeys(String userId) {
        return new String[] {keys.epoch(userId), keys.counter(userId), keys.stream(userId)};
    }

    private static List<OutboxMessage> decode(List<?> entries) {
        List<OutboxMessage> messages = new ArrayList<>(entries.size());
        for (Object item : entries) {
            List<?> entry = (List<?>) item;
            String streamId = (String) entry.get(0);
            List<?> fields = (List<?>) entry.get(1);
            String key = null;
            String json = null;
            long sentAt = 0;
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                String value = (String) fields.get(i + 1);
                switch ((String) fields.get(i)) {
                    case "k" -> key = value;
                    case "d" -> json = value;
                    case "t" -> sentAt = Long.parseLong(value);
                    default -> { } // a field a later version added: ignore
                }
            }
            long id = Long.parseLong(streamId.substring(0, streamId.indexOf('-')));
            messages.add(new OutboxMessage(id, key, json, Instant.ofEpochMilli(sentAt)));
        }
        return messages;
    }
}

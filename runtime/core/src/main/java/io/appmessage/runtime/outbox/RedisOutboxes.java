package io.appmessage.runtime.outbox;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import java.time.Duration;
import io.appmessage.runtime.internal.outbox.redis.RedisEndpoint;
import io.appmessage.runtime.internal.outbox.redis.RedisMessageSignal;
import io.appmessage.runtime.internal.outbox.redis.RedisOutboxStore;

/**
 * An {@link AppMessageOutbox} on Redis in one call: the store, the cross-node signal and their connection.
 *
 * <pre>{@code
 * try (AppMessageOutbox outbox = RedisOutboxes.connect("redis://redis.internal:6379", OutboxSettings.defaults())) {
 *     outbox.sendJson("alice", "order_shipped", "{\"order\":42}");   // any node; polls on every node see it
 * }
 * }</pre>
 */
public final class RedisOutboxes {
    private RedisOutboxes() {
    }

    /** Connects with the default command timeout and key prefix. */
    public static AppMessageOutbox connect(String uri, OutboxSettings settings) {
        return connect(uri, settings, RedisEndpoint.DEFAULT_COMMAND_TIMEOUT, RedisOutboxStore.DEFAULT_PREFIX);
    }

    /**
     * @param commandTimeout how long a send or a poll's read waits for Redis before it fails
     * @param keyPrefix      nodes of one app share it; apps sharing a Redis use different ones
     * @throws io.appmessage.runtime.outbox.OutboxUnavailableException when Redis cannot be reached now
     */
    public static AppMessageOutbox connect(String uri, OutboxSettings settings, Duration commandTimeout, String keyPrefix) {
        return connect(uri, settings, commandTimeout, keyPrefix, 0);
    }

    /**
     * Like {@link #connect(String, OutboxSettings, Duration, String)}, and a send is acknowledged only once
     * {@code replicasToAcknowledge} replicas have it ({@code WAIT}, within half the command timeout), so a
     * failover to one of them loses no acknowledged send. Fewer in time: the send throws
     * {@link OutboxOutcomeUnknownException} (retry with the same idempotency key). One primary only, e.g.
     * {@code redis-sentinel://s1:26379,s2:26379/0#mymaster}; not on Redis Cluster.
     *
     * <pre>{@code
     * RedisOutboxes.connect("redis-sentinel://10.0.0.5:26379/0#mymaster", OutboxSettings.defaults(),
     *         Duration.ofMillis(500), "appmessage:outbox:", 1);
     * }</pre>
     */
    public static AppMessageOutbox connect(String uri, OutboxSettings settings, Duration commandTimeout, String keyPrefix,
                                           int replicasToAcknowledge) {
        RedisEndpoint endpoint = RedisEndpoint.connect(uri, commandTimeout);
        try {
            return AppMessageOutbox.builder(new RedisOutboxStore(endpoint, settings, keyPrefix,
                            replicasToAcknowledge, commandTimeout.dividedBy(2)))
                    .signal(new RedisMessageSignal(endpoint, keyPrefix))
                    .settings(settings)
                    .closeAfter(endpoint)
                    .build();
        } catch (RuntimeException e) {
            endpoint.close();
            throw e;
        }
    }
}

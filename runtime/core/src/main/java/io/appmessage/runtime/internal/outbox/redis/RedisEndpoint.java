package io.appmessage.runtime.internal.outbox.redis;

import io.appmessage.runtime.outbox.OutboxOutcomeUnknownException;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One Redis server as the outbox and the signal use it: a lettuce client tuned to fail fast and to come
 * back by itself. Shared by {@link RedisOutboxStore} and {@link RedisMessageSignal}; close it after them.
 *
 * <pre>{@code
 * try (RedisEndpoint redis = RedisEndpoint.connect("redis://127.0.0.1:6379", Duration.ofMillis(500))) {
 *     RedisOutboxStore store = new RedisOutboxStore(redis, OutboxSettings.defaults());
 * }
 * }</pre>
 *
 * <p>Why these options (issue 6: "a lost connection surfaces as a clear error while polls still answer
 * handler data"): commands time out after {@code commandTimeout}, and while the connection is down they are
 * rejected at once instead of queued, so a poll never waits for Redis longer than that; lettuce reconnects
 * in the background (100 ms, doubling to 2 s between tries) and re-subscribes the signal channel, so delivery
 * resumes without a restart.
 */
public final class RedisEndpoint implements AutoCloseable {

    /** Default command timeout: short, because a poll waits for it before answering. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);

    /**
     * The connection handshake (HELLO, AUTH, SELECT) runs under the URI's timeout, not the command
     * timeout: a cold JVM on a busy node missed 500 ms there and failed at start-up. Start-up may wait;
     * polls may not, and they only ever wait for commands.
     */
    private static final Duration MIN_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String where;

    private RedisEndpoint(ClientResources resources, RedisClient client,
                          StatefulRedisConnection<String, String> connection, String where) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.where = where;
    }

    /**
     * Connects to {@code uri} (e.g. {@code redis://:password@host:6379/0}).
     *
     * @throws OutboxUnavailableException when Redis cannot be reached now
     * @throws IllegalArgumentException   when {@code uri} is not a Redis URI
     */
    public static RedisEndpoint connect(String uri, Duration commandTimeout) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(commandTimeout.compareTo(MIN_HANDSHAKE_TIMEOUT) > 0 ? commandTimeout : MIN_HANDSHAKE_TIMEOUT);
        String where = redisUri.getHost() + ":" + redisUri.getPort(); // never the password
        ClientResources resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                .build());
        try {
            return new RedisEndpoint(resources, client, client.connect(), where);
        } catch (RedisException e) {
            client.shutdown();
            resources.shutdown();
            throw new OutboxUnavailableException("cannot connect to Redis at " + where + " (" + e.getMessage()
                    + "): check that redis-server runs there, the host and port of the URI, its password,"
                    + " and that this node can reach it", e);
        }
    }

    /** The shared command connection (thread-safe; lettuce pipelines commands from many threads). */
    StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    /** A new connection for subscribing: a subscribed connection can run nothing else. */
    StatefulRedisPubSubConnection<String, String> connectPubSub() {
        try {
            return client.connectPubSub();
        } catch (RedisException e) {
            throw unavailable("subscribe to wake-up signals", e, "");
        }
    }

    /** {@code host:port}, for messages (never the password). */
    String where() {
        return where;
    }

    /** The exception a failed Redis call becomes: what failed, why, and what to check. */
    OutboxUnavailableException unavailable(String action, RedisException cause, String consequence) {
        return new OutboxUnavailableException("Redis at " + where + " did not " + action + " (" + cause.getMessage()
                + ")" + consequence + ". Check that redis-server is running and reachable from this node, its"
                + " memory (maxmemory) and the URI; the connection comes back by itself when Redis does.", cause);
    }

    /**
     * The exception a failed send becomes. "Nothing was stored" only when that is certain: the command was
     * refused before it was written (not connected, connection refused) or Redis answered with an error
     * (a script that fails writes nothing here: its first write is the append). A timeout or a connection
     * lost after the write leaves the outcome unknown: Redis may have applied it.
     */
    OutboxUnavailableException sendFailed(RedisException cause) {
        if (certainlyNotWritten(cause)) {
            return unavailable("store a message", cause, ": nothing was stored, send it again later");
        }
        return new OutboxOutcomeUnknownException("Redis at " + where + " did not answer a send in time ("
                + cause.getMessage() + "): the message may have been stored; retry with the same Idempotency-Key"
                + " (a retry without one can deliver it twice). Check that redis-server is running and not"
                + " stalled (slow disk, fork, swap); the connection comes back by itself when Redis does.", cause);
    }

    private static boolean certainlyNotWritten(RedisException cause) {
        if (cause instanceof RedisCommandTimeoutException) {
            return false;
        }
        if (cause instanceof RedisCommandExecutionException || cause instanceof RedisConnectionException) {
            return true;
        }
        // DisconnectedBehavior.REJECT_COMMANDS: refused locally while the connection is down, never written
        String message = cause.getMessage();
        return message != null && message.startsWith("Currently not connected");
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}

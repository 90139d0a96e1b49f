package io.appmessage.runtime.internal.outbox.redis;

import io.appmessage.runtime.outbox.OutboxOutcomeUnknownException;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions.RefreshTrigger;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
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
 * <p>Why these options (a lost connection surfaces as a clear error while polls still answer
 * handler data): commands time out after {@code commandTimeout}, and while the connection is down they are
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
    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, String> async;
    private final java.util.function.Supplier<StatefulRedisPubSubConnection<String, String>> pubSub;
    private final boolean cluster;
    private final String where;

    private RedisEndpoint(ClientResources resources, RedisClient client,
                          StatefulRedisConnection<String, String> connection, String where) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.sync = connection.sync();
        this.async = connection.async();
        this.pubSub = client::connectPubSub;
        this.cluster = false;
        this.where = where;
    }

    private RedisEndpoint(ClientResources resources, RedisClusterClient client,
                          StatefulRedisClusterConnection<String, String> connection, String where) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.sync = connection.sync();
        this.async = connection.async();
        // PUBLISH reaches every node of a cluster (the cluster bus forwards it), so one subscription hears all
        this.pubSub = client::connectPubSub;
        this.cluster = true;
        this.where = where;
    }

    /**
     * Connects to {@code uri}: one server ({@code redis://:password@host:6379/0}, {@code rediss://…}), a
     * sentinel-watched primary ({@code redis-sentinel://host:26379,host2:26379/0#mymaster}), or a Redis
     * Cluster ({@code redis-cluster://[:password@]host:port[,host:port…]}, the seeds; the rest of the topology
     * is discovered and followed).
     *
     * @throws OutboxUnavailableException when Redis cannot be reached now
     * @throws IllegalArgumentException   when {@code uri} is not a Redis URI
     */
    public static RedisEndpoint connect(String uri, Duration commandTimeout) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (uri.startsWith(CLUSTER_SCHEME)) {
            return connectCluster(uri, commandTimeout);
        }
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(handshakeTimeout(commandTimeout));
        String where = describe(redisUri);
        ClientResources resources = resources();
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
            throw cannotConnect(where, e);
        }
    }

    private static final String CLUSTER_SCHEME = "redis-cluster://";

    // Lettuce 7 deprecates the adaptive refresh triggers' builder methods with no replacement that Lettuce 6
    // (Spring Boot 3.5's) also has; the triggers are what makes the client follow failovers and resharding
    @SuppressWarnings("deprecation")
    private static RedisEndpoint connectCluster(String uri, Duration commandTimeout) {
        String rest = uri.substring(CLUSTER_SCHEME.length());
        int at = rest.lastIndexOf('@');
        String credentials = at >= 0 ? rest.substring(0, at + 1) : "";
        String hosts = at >= 0 ? rest.substring(at + 1) : rest;
        List<RedisURI> seeds = new ArrayList<>();
        for (String hostPort : hosts.split(",")) {
            if (hostPort.isBlank()) {
                throw new IllegalArgumentException("a Redis Cluster URI lists its seeds as host:port separated by"
                        + " commas, e.g. redis-cluster://10.0.0.1:6379,10.0.0.2:6379; got an empty one in " + hosts);
            }
            RedisURI seed = RedisURI.create("redis://" + credentials + hostPort.strip());
            seed.setTimeout(handshakeTimeout(commandTimeout));
            seeds.add(seed);
        }
        String where = "the Redis Cluster at " + hosts;
        ClientResources resources = resources();
        RedisClusterClient client = RedisClusterClient.create(resources, seeds);
        client.setOptions(ClusterClientOptions.builder()
                .autoReconnect(true)
                // a cluster connects to each node on first use: rejecting while "not connected" would refuse
                // the first command to every node, so commands wait (up to the command timeout) instead; a
                // send that times out there is reported as "may have been stored", which stays true
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                // follow failovers and resharding: refresh the slot map on MOVED/ASK and reconnects
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAdaptiveRefreshTrigger(RefreshTrigger.MOVED_REDIRECT, RefreshTrigger.ASK_REDIRECT,
                                RefreshTrigger.PERSISTENT_RECONNECTS, RefreshTrigger.UNCOVERED_SLOT,
                                RefreshTrigger.UNKNOWN_NODE)
                        .enablePeriodicRefresh(Duration.ofSeconds(30))
                        .build())
                .build());
        try {
            return new RedisEndpoint(resources, client, client.connect(), where);
        } catch (RedisException e) {
            client.shutdown();
            resources.shutdown();
            throw cannotConnect(where, e);
        }
    }

    private static Duration handshakeTimeout(Duration commandTimeout) {
        return commandTimeout.compareTo(MIN_HANDSHAKE_TIMEOUT) > 0 ? commandTimeout : MIN_HANDSHAKE_TIMEOUT;
    }

    /** {@code host:port}, or the sentinels and the primary's name; never the password. */
    private static String describe(RedisURI redisUri) {
        if (!redisUri.getSentinels().isEmpty()) {
            StringJoiner sentinels = new StringJoiner(",");
            redisUri.getSentinels().forEach(s -> sentinels.add(s.getHost() + ":" + s.getPort()));
            return "the primary '" + redisUri.getSentinelMasterId() + "' of the sentinels " + sentinels;
        }
        return redisUri.getHost() + ":" + redisUri.getPort();
    }

    private static ClientResources resources() {
        return ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    private static OutboxUnavailableException cannotConnect(String where, RedisException e) {
        return new OutboxUnavailableException("cannot connect to Redis at " + where + " (" + e.getMessage()
                + "): check that redis-server runs there, the host and port of the URI, its password,"
                + " and that this node can reach it", e);
    }

    /** The shared commands (thread-safe; lettuce pipelines commands from many threads; routed by key in a cluster). */
    RedisClusterCommands<String, String> sync() {
        return sync;
    }

    /** The same connection, asynchronous. */
    RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    /** True on Redis Cluster: each user's keys, epoch included, live in the user's hash slot. */
    boolean cluster() {
        return cluster;
    }

    /** A new connection for subscribing: a subscribed connection can run nothing else. */
    StatefulRedisPubSubConnection<String, String> connectPubSub() {
        try {
            return pubSub.get();
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

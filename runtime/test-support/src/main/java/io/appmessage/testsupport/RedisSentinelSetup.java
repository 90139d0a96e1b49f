package io.appmessage.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real primary, one replica and one {@code redis-sentinel} watching them as {@value #MASTER_NAME}, on
 * loopback, quick to fail over (down after 1 s). {@link #killPrimary()} is {@code kill -9}.
 *
 * <pre>{@code
 * try (RedisSentinelSetup redis = RedisSentinelSetup.start(tempDir)) {
 *     AppMessageOutbox outbox = RedisOutboxes.connect(redis.uri(), settings, timeout, prefix, 1);
 *     redis.killPrimary();   // the sentinel promotes the replica; lettuce asks it for the new primary
 * }
 * }</pre>
 */
public final class RedisSentinelSetup implements AutoCloseable {
    public static final String MASTER_NAME = "mymaster";

    private final RedisServer primary;
    private final RedisServer replica;
    private final Process sentinel;
    private final int sentinelPort;

    private final Path sentinelDir;

    private RedisSentinelSetup(RedisServer primary, RedisServer replica, Process sentinel, int sentinelPort,
                               Path sentinelDir) {
        this.primary = primary;
        this.replica = replica;
        this.sentinel = sentinel;
        this.sentinelPort = sentinelPort;
        this.sentinelDir = sentinelDir;
    }

    public static RedisSentinelSetup start(Path dir) throws IOException, InterruptedException {
        RedisServer primary = RedisServer.start(dir.resolve("primary"), RedisServer.VOLATILE);
        List<String> replicaOptions = new ArrayList<>(RedisServer.VOLATILE);
        replicaOptions.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
        RedisServer replica = RedisServer.start(dir.resolve("replica"), replicaOptions);
        awaitReplicaLinked(replica.port());
        int sentinelPort = RedisServer.freePort();
        Path sentinelDir = dir.resolve("sentinel");
        Files.createDirectories(sentinelDir);
        Path conf = sentinelDir.resolve("sentinel.conf");
        Files.writeString(conf, String.join("\n",
                "port " + sentinelPort,
                "bind 127.0.0.1",
                "dir " + sentinelDir,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + primary.port() + " 1",
                "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                "sentinel failover-timeout " + MASTER_NAME + " 5000",
                "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
        Process sentinel = new ProcessBuilder(RedisServer.executable("redis-sentinel").toString(), conf.toString())
                .redirectErrorStream(true).redirectOutput(sentinelDir.resolve("sentinel.log").toFile()).start();
        for (int attempt = 0; attempt < 100 && !RedisServer.answersPing(sentinelPort); attempt++) {
            Thread.sleep(100);
        }
        RedisSentinelSetup setup = new RedisSentinelSetup(primary, replica, sentinel, sentinelPort, sentinelDir);
        setup.awaitSentinelKnowsReplica();
        return setup;
    }

    /** {@code redis-sentinel://127.0.0.1:<sentinel port>#mymaster}. */
    public String uri() {
        return "redis-sentinel://127.0.0.1:" + sentinelPort + "#" + MASTER_NAME;
    }

    public RedisServer primary() {
        return primary;
    }

    public RedisServer replica() {
        return replica;
    }

    /** {@code kill -9} of the primary: the sentinel sees it down after 1 s and promotes the replica. */
    public void killPrimary() throws InterruptedException {
        primary.stop();
    }

    /**
     * Waits until the failover is over: the replica reports itself primary ({@code role:master}) and the
     * sentinel's record of {@value #MASTER_NAME} is the replica's address with no failover in progress, at most
     * {@code seconds}. Only then may the old primary come back: if it returns empty while the sentinel still
     * fails over, the sentinel can abort and make the promoted replica copy the empty old primary, losing every
     * acknowledged message.
     */
    public void awaitReplicaPromoted(int seconds) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < seconds * 10; attempt++) {
            if (info(replica.port()).contains("role:master") && failoverFinishedOnto(replica.port())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the sentinel did not promote the replica within " + seconds + " s; its log:\n"
                + sentinelLog());
    }

    /**
     * Brings the killed primary back as what the sentinel makes of it anyway: a replica of the promoted one
     * ({@code REPLICAOF} at once, linked before this returns, at most 30 s). It restarts empty (nothing on
     * disk), so it must not stand as a primary any longer than it takes to say so: an empty primary that a
     * client or the sentinel took for the current one would lose every acknowledged message. Call it after
     * {@link #awaitReplicaPromoted(int)}.
     */
    public void rejoinOldPrimaryAsReplica() throws IOException, InterruptedException {
        primary.restart();
        RedisCluster.run(List.of(RedisServer.executable("redis-cli").toString(), "-p", Integer.toString(primary.port()),
                "replicaof", "127.0.0.1", Integer.toString(replica.port())));
        awaitReplicaLinked(primary.port(), 30);
    }

    /** What the sentinel logged so far ({@code +switch-master}, {@code +convert-to-slave}, …), for failure messages. */
    public String sentinelLog() {
        try {
            return Files.readString(sentinelDir.resolve("sentinel.log"));
        } catch (IOException e) {
            return "(no sentinel log: " + e + ")";
        }
    }

    private boolean failoverFinishedOnto(int port) throws IOException, InterruptedException {
        Map<String, String> master = fields(sentinel("sentinel", "master", MASTER_NAME));
        return Integer.toString(port).equals(master.get("port")) && "master".equals(master.get("flags"));
    }

    /**
     * The sentinel learns replicas from the primary's {@code INFO}; a primary killed before that has no replica
     * to promote, and the failover would never start.
     */
    private void awaitSentinelKnowsReplica() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (sentinel("sentinel", "replicas", MASTER_NAME).lines().map(String::strip)
                    .anyMatch(line -> line.equals(Integer.toString(replica.port())))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the sentinel did not discover the replica within 10 s; its log:\n" + sentinelLog());
    }

    private String sentinel(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(RedisServer.executable("redis-cli").toString(), "-p",
                Integer.toString(sentinelPort)));
        line.addAll(List.of(command));
        return RedisCluster.run(line);
    }

    /** redis-cli prints a flat reply as one field name, then its value, per line. */
    private static Map<String, String> fields(String reply) {
        List<String> lines = reply.lines().map(String::strip).toList();
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            fields.put(lines.get(i), lines.get(i + 1));
        }
        return fields;
    }

    @Override
    public void close() {
        sentinel.destroyForcibly();
        try {
            sentinel.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replica.close();
        primary.close();
    }

    private static void awaitReplicaLinked(int port) throws IOException, InterruptedException {
        awaitReplicaLinked(port, 10);
    }

    private static void awaitReplicaLinked(int port, int seconds) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < seconds * 10; attempt++) {
            if (info(port).contains("master_link_status:up")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the replica on port " + port + " did not link to its primary within "
                + seconds + " s");
    }

    private static String info(int port) throws IOException, InterruptedException {
        return RedisCluster.run(List.of(RedisServer.executable("redis-cli").toString(), "-p", Integer.toString(port),
                "info", "replication"));
    }
}

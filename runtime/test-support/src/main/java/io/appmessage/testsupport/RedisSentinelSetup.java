package io.appmessage.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private RedisSentinelSetup(RedisServer primary, RedisServer replica, Process sentinel, int sentinelPort) {
        this.primary = primary;
        this.replica = replica;
        this.sentinel = sentinel;
        this.sentinelPort = sentinelPort;
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
        return new RedisSentinelSetup(primary, replica, sentinel, sentinelPort);
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
     * sentinel names it as the primary, at most {@code seconds}. Only then may the old primary come back: if
     * it returns empty while the sentinel is still failing over, the sentinel can abort the failover and make
     * the promoted replica copy the empty old primary, losing every acknowledged message.
     */
    public void awaitReplicaPromoted(int seconds) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < seconds * 10; attempt++) {
            if (info(replica.port()).contains("role:master") && sentinelNamesPrimary(replica.port())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the sentinel did not promote the replica within " + seconds + " s");
    }

    private boolean sentinelNamesPrimary(int port) throws IOException, InterruptedException {
        String answer = RedisCluster.run(List.of(RedisServer.executable("redis-cli").toString(), "-p",
                Integer.toString(sentinelPort), "sentinel", "get-master-addr-by-name", MASTER_NAME));
        return answer.lines().map(String::strip).anyMatch(line -> line.equals(Integer.toString(port)));
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
        for (int attempt = 0; attempt < 100; attempt++) {
            if (info(port).contains("master_link_status:up")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the replica on port " + port + " did not link to its primary within 10 s");
    }

    private static String info(int port) throws IOException, InterruptedException {
        return RedisCluster.run(List.of(RedisServer.executable("redis-cli").toString(), "-p", Integer.toString(port),
                "info", "replication"));
    }
}

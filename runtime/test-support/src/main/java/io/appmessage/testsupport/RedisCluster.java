package io.appmessage.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A real Redis Cluster of {@code n} primaries and no replicas on loopback: {@code redis-server
 * --cluster-enabled yes} per node, joined by {@code redis-cli --cluster create … --cluster-replicas 0
 * --cluster-yes}, ready once every node reports {@code cluster_state:ok}.
 *
 * <pre>{@code
 * try (RedisCluster cluster = RedisCluster.start(tempDir, 3)) {
 *     AppMessageOutbox outbox = RedisOutboxes.connect(cluster.uri(), OutboxSettings.defaults());
 * }
 * }</pre>
 */
public final class RedisCluster implements AutoCloseable {
    private final List<RedisServer> nodes;

    private RedisCluster(List<RedisServer> nodes) {
        this.nodes = nodes;
    }

    public static RedisCluster start(Path dir, int primaries) throws IOException, InterruptedException {
        List<RedisServer> nodes = new ArrayList<>();
        RedisCluster cluster = new RedisCluster(nodes);
        try {
            for (int i = 0; i < primaries; i++) {
                int port = clusterPort();
                nodes.add(RedisServer.start(dir.resolve("node-" + port), port, withVolatile(List.of(
                        "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                        "--cluster-node-timeout", "2000"))));
            }
            List<String> create = new ArrayList<>(List.of(RedisServer.executable("redis-cli").toString(), "--cluster", "create"));
            for (RedisServer node : nodes) {
                create.add("127.0.0.1:" + node.port());
            }
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            String output = run(create);
            for (RedisServer node : nodes) {
                awaitClusterOk(node.port(), output);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,…}: every node as a seed. */
    public String uri() {
        StringJoiner seeds = new StringJoiner(",", "redis-cluster://", "");
        for (RedisServer node : nodes) {
            seeds.add("127.0.0.1:" + node.port());
        }
        return seeds.toString();
    }

    public List<RedisServer> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public void close() {
        for (RedisServer node : nodes) {
            node.close();
        }
    }

    private static List<String> withVolatile(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.addAll(RedisServer.VOLATILE);
        return all;
    }

    /** A free port whose cluster bus port (+10000) is free too. */
    private static int clusterPort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = RedisServer.freePort();
            if (port < 55_000 && isFree(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port pair (p, p+10000) for a cluster node");
    }

    private static boolean isFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException taken) {
            return false;
        }
    }

    private static void awaitClusterOk(int port, String createOutput) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) { // up to 20 s
            String info = run(List.of(RedisServer.executable("redis-cli").toString(), "-p", Integer.toString(port), "cluster", "info"));
            if (info.contains("cluster_state:ok")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the cluster node on port " + port + " did not reach cluster_state:ok within"
                + " 20 s; redis-cli --cluster create said: " + createOutput);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}

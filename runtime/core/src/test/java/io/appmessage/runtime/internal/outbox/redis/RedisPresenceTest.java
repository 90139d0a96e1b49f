package io.appmessage.runtime.internal.outbox.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.presence.Presence;
import io.appmessage.runtime.spi.PollObserver.PollMode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presence across two nodes sharing one real redis-server: a poll on one node is seen on the other. */
class RedisPresenceTest {

    @TempDir
    static Path redisDir;
    private static RedisServer server;
    private static RedisClient inspector;
    private static StatefulRedisConnection<String, String> redis;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start(redisDir);
        inspector = RedisClient.create(server.uri());
        redis = inspector.connect();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
        inspector.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.close();
    }

    @AfterEach
    void closeNodes() throws Exception {
        for (AutoCloseable node : opened) {
            node.close();
        }
        redis.sync().flushall();
    }

    @Test
    void aUserWhoPolledOneNodeIsOnlineOnTheOther() throws Exception {
        Presence nodeA = node(Duration.ofSeconds(10), 1_000);
        Presence nodeB = node(Duration.ofSeconds(10), 1_000);

        answered(nodeA, "u1");
        answered(nodeA, "u2");
        answered(nodeB, "u3");

        assertThat(nodeA.isOnline("u1")).as("its own node knows at once").isTrue();
        await(() -> nodeB.isOnline("u1") && nodeB.onlineCount() == 3 && nodeA.onlineCount() == 3);
        assertThat(nodeB.isOnline("someone-else")).isFalse();
        assertThat(redis.sync().zcard(RedisPresence.DEFAULT_KEY + ":test")).isEqualTo(3);
    }

    @Test
    void aUserGoesOfflineOnEveryNodeOneWindowAfterTheirLastPoll() throws Exception {
        Presence nodeA = node(Duration.ofMillis(800), 1_000);
        Presence nodeB = node(Duration.ofMillis(800), 1_000);

        answered(nodeA, "u1");
        await(() -> nodeB.isOnline("u1"));
        await(() -> !nodeB.isOnline("u1") && !nodeA.isOnline("u1") && nodeB.onlineCount() == 0);
        String key = RedisPresence.DEFAULT_KEY + ":test";
        assertThat(redis.sync().pttl(key)).as("the set itself expires when no node writes it").isBetween(1L, 1_600L);
    }

    @Test
    void theSetKeepsTheNewestUsersUpToTheCap() throws Exception {
        Presence node = node(Duration.ofSeconds(10), 5);
        for (int i = 0; i < 5; i++) {
            answered(node, "early-" + i);
        }
        String key = RedisPresence.DEFAULT_KEY + ":test";
        await(() -> redis.sync().zcard(key) == 5);
        Thread.sleep(20);
        Presence other = node(Duration.ofSeconds(10), 5);
        for (int i = 0; i < 3; i++) {
            answered(other, "late-" + i);
        }
        await(() -> redis.sync().zscore(key, "late-2") != null);
        assertThat(redis.sync().zcard(key)).isEqualTo(5);
        assertThat(redis.sync().zrange(key, 0, -1)).contains("late-0", "late-1", "late-2");
    }

    private Presence node(Duration window, int maxUsers) {
        RedisPresence node = RedisPresence.connect(server.uri(), window, maxUsers, RedisPresence.DEFAULT_KEY + ":test");
        opened.add(node);
        return node;
    }

    private static void answered(Presence node, String user) {
        node.pollAnswered(user, PollMode.LONG_POLL, 200, 1_000, 10, 0);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(25);
        }
    }
}

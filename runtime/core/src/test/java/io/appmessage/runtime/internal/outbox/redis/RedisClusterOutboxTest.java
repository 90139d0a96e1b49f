package io.appmessage.runtime.internal.outbox.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.RedisOutboxes;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.testsupport.RedisCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox on a real 3-primary Redis Cluster on loopback: every user's stream, counter, epoch and
 * idempotency keys share one slot (the scripts would fail with CROSSSLOT otherwise), users spread over all
 * primaries, and a wake-up published on one node reaches a listener connected through another.
 */
class RedisClusterOutboxTest {

    @TempDir
    static Path dir;
    private static RedisCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = RedisCluster.start(dir, 3);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void usersOnEveryPrimary_getDenseIdsInOrder_idempotentRetriesStoreNothing_andOldCursorsAreNotRecovered() throws Exception {
        try (AppMessageOutbox node1 = RedisOutboxes.connect(cluster.uri(), OutboxSettings.defaults());
             AppMessageOutbox node2 = RedisOutboxes.connect(cluster.uri(), OutboxSettings.defaults())) {
            for (int user = 0; user < 30; user++) {
                for (int i = 1; i <= 3; i++) {
                    (i % 2 == 0 ? node2 : node1).sendJson("user-" + user, "k", Integer.toString(i), "send-" + i);
                }
                assertThat(node2.sendJson("user-" + user, "k", "\"retry\"", "send-2")).isEqualTo(2L);
            }

            for (int user = 0; user < 30; user++) {
                Batch batch = node2.read("user-" + user, null, 10);
                assertThat(batch.messages()).extracting(OutboxMessage::id).containsExactly(1L, 2L, 3L);
                assertThat(batch.messages()).extracting(OutboxMessage::json).containsExactly("1", "2", "3");
                assertThat(node1.read("user-" + user, batch.cursor().format(), 10).recovered()).isTrue();
                Batch otherEpoch = node1.read("user-" + user, new Cursor("0123456789abcdef", 3).format(), 10);
                assertThat(otherEpoch.recovered()).isFalse();
            }
            assertThat(primariesHolding(30)).as("the users' streams spread over every primary").hasSize(3);
        }
    }

    @Test
    void wakeUpPublishedThroughOneNode_reachesAListenerOnAnother() throws Exception {
        try (AppMessageOutbox node1 = RedisOutboxes.connect(cluster.uri(), OutboxSettings.defaults());
             AppMessageOutbox node2 = RedisOutboxes.connect(cluster.uri(), OutboxSettings.defaults())) {
            BlockingQueue<String> woken = new LinkedBlockingQueue<>();
            node2.signal().subscribe(RedisOutboxStoreTest.recorder(woken));
            Set<String> heard = new HashSet<>();
            for (int attempt = 0; attempt < 40 && heard.size() < 5; attempt++) {
                for (int user = 0; user < 5; user++) {
                    node1.sendJson("wake-" + user, "k", "1", "wake-" + user);
                }
                String event;
                while ((event = woken.poll(250, TimeUnit.MILLISECONDS)) != null) {
                    heard.add(event);
                }
            }
            assertThat(heard).contains("user:wake-0", "user:wake-1", "user:wake-2", "user:wake-3", "user:wake-4");
        }
    }

    /** The ports of the primaries whose keyspace holds one of the test's streams. */
    private static Set<Integer> primariesHolding(int users) throws IOException, InterruptedException {
        Set<Integer> ports = new HashSet<>();
        for (var node : cluster.nodes()) {
            Process scan = new ProcessBuilder("redis-cli", "-p", Integer.toString(node.port()), "--scan",
                    "--pattern", RedisOutboxStore.DEFAULT_PREFIX + "s:{user-*").redirectErrorStream(true).start();
            List<String> keys = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            scan.waitFor();
            if (!keys.isEmpty()) {
                ports.add(node.port());
            }
        }
        return ports;
    }
}

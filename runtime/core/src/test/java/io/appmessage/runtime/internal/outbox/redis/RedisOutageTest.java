package io.appmessage.runtime.internal.outbox.redis;

import io.appmessage.testsupport.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.appmessage.runtime.outbox.RedisOutboxes;

/** Issue 6: "Redis stops mid-test: sending fails with a clear error, and delivery resumes when Redis returns." */
class RedisOutageTest {

    @TempDir
    Path redisDir;

    @Test
    void redisStopsAndReturns_sendAndReadFailClearlyThenResume() throws Exception {
        try (RedisServer server = RedisServer.start(redisDir);
             AppMessageOutbox node1 = RedisOutboxes.connect(server.uri(), OutboxSettings.defaults());
             AppMessageOutbox node2 = RedisOutboxes.connect(server.uri(), OutboxSettings.defaults())) {
            node1.sendJson("alice", "k", "1");
            String cursor = node2.read("alice", null, 10).cursor().format();

            server.stop();

            assertThatThrownBy(() -> node1.sendJson("alice", "k", "2"))
                    .isInstanceOf(OutboxUnavailableException.class)
                    .hasMessageContaining("Redis at 127.0.0.1:" + server.port())
                    .hasMessageContaining("nothing was stored")
                    .hasMessageContaining("Check that redis-server is running");
            long start = System.nanoTime();
            assertThatThrownBy(() -> node2.read("alice", cursor, 10))
                    .isInstanceOf(OutboxUnavailableException.class)
                    .hasMessageContaining("answer the poll without targeted messages");
            // not a speed assertion: proves the read gives up after the command timeout (500 ms), not lettuce's 60 s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            server.restart(); // empty: it kept nothing on disk
            long id = sendWhenBack(node1, "\"after restart\"");
            BlockingQueue<String> woken = new LinkedBlockingQueue<>();
            node2.signal().subscribe(RedisOutboxStoreTest.recorder(woken));
            Batch batch = readWhenBack(node2, cursor);

            assertThat(id).isEqualTo(1L); // ids restarted with the data ...
            assertThat(batch.recovered()).isFalse(); // ... and the new epoch tells the client so
            assertThat(batch.messages()).extracting(OutboxMessage::json).containsExactly("\"after restart\"");
            assertThat(signalArrives(node1, woken)).as("node 2 re-subscribed to wake-up signals").isTrue();
        }
    }

    /** Lettuce reconnects in the background (100 ms doubling to 2 s): try until it has, at most 30 s. */
    private static long sendWhenBack(AppMessageOutbox node, String json) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                return node.sendJson("alice", "k", json);
            } catch (OutboxUnavailableException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the outbox did not reconnect to Redis within 30 s");
    }

    /** Each node reconnects on its own schedule: node 2 may still be waiting for its next try. */
    private static Batch readWhenBack(AppMessageOutbox node, String cursor) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                return node.read("alice", cursor, 10);
            } catch (OutboxUnavailableException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("node 2 did not reconnect to Redis within 30 s");
    }

    private static boolean signalArrives(AppMessageOutbox from, BlockingQueue<String> woken) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            from.signal().notifyUser("alice");
            String event = woken.poll(500, TimeUnit.MILLISECONDS);
            if ("user:alice".equals(event)) {
                return true;
            }
        }
        return false;
    }
}

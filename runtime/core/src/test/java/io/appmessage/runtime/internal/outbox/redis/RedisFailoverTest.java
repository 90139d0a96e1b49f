package io.appmessage.runtime.internal.outbox.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.appmessage.runtime.outbox.RedisOutboxes;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.testsupport.RedisSentinelSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends wait for one replica ({@code WAIT 1}); the primary is killed with {@code kill -9} mid-stream, the
 * sentinel promotes the replica, the outbox follows it, and no acknowledged send is lost or stored twice.
 */
class RedisFailoverTest {

    @TempDir
    Path dir;

    @Test
    // a failover, a full resync and 150 acknowledged sends: 80 s on two cores under a load of 40; the default
    // 90 s hang guard is too tight there
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void primaryKilledDuringSends_everyAcknowledgedMessageSurvivesOnThePromotedReplicaOnce() throws Exception {
        try (RedisSentinelSetup redis = RedisSentinelSetup.start(dir);
             AppMessageOutbox outbox = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults(),
                     Duration.ofSeconds(1), "failover:", 1)) {
            Map<Integer, Long> acknowledged = new LinkedHashMap<>();
            Thread rejoin = null;
            for (int i = 0; i < 150; i++) {
                if (i == 50) {
                    redis.killPrimary();
                    // the promoted replica has no replica of its own until the old primary comes back (the
                    // sentinel makes it a replica of the new one): until then WAIT 1 fails, as it should
                    rejoin = new Thread(() -> {
                        try {
                            redis.awaitReplicaPromoted(30);
                            redis.rejoinOldPrimaryAsReplica(); // empty: a replica at once, never a primary
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    rejoin.start();
                }
                acknowledged.put(i, sendUntilAcknowledged(outbox, i));
            }
            rejoin.join();

            List<OutboxMessage> stored = readAll(outbox);

            assertThat(stored).extracting(OutboxMessage::json)
                    .as(() -> "every acknowledged send, once, in order; the sentinel logged:\n" + redis.sentinelLog())
                    .containsExactlyElementsOf(acknowledged.keySet().stream().map(i -> "\"m" + i + "\"").toList());
            assertThat(stored).extracting(OutboxMessage::id).containsExactlyElementsOf(acknowledged.values());
        }
    }

    /** What an app does: retry with the same idempotency key until the send is acknowledged (at most 60 s). */
    private static long sendUntilAcknowledged(AppMessageOutbox outbox, int i) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return outbox.sendJson("alice", "k", "\"m" + i + "\"", "m-" + i);
            } catch (OutboxUnavailableException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("send " + i + " was not acknowledged within 60 s of the failover", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<OutboxMessage> readAll(AppMessageOutbox outbox) throws InterruptedException {
        List<OutboxMessage> all = new ArrayList<>();
        String cursor = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                Batch batch = outbox.read("alice", cursor, 100);
                all.addAll(batch.messages());
                cursor = batch.cursor().format();
                if (!batch.hasMore()) {
                    return all;
                }
            } catch (OutboxUnavailableException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("could not read the outbox back after the failover");
    }
}

package io.appmessage.runtime.internal.outbox.redis;

import io.appmessage.testsupport.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxOutcomeUnknownException;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.appmessage.runtime.outbox.RedisOutboxes;
import io.appmessage.runtime.spi.Batch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send to a Redis that stops answering (frozen with {@code kill -STOP}) may still be applied when Redis
 * goes on: it must say so, and a retry with the same idempotency key must store nothing new.
 */
class RedisFrozenSendTest {

    @TempDir
    Path redisDir;

    @Test
    void sendToFrozenRedis_mayHaveBeenStored_andTheRetryWithTheSameKeyStoresNothingNew() throws Exception {
        try (RedisServer server = RedisServer.start(redisDir);
             AppMessageOutbox outbox = RedisOutboxes.connect(server.uri(), OutboxSettings.defaults())) {
            outbox.sendJson("alice", "k", "\"warm-up\"", "warm-up");

            server.freeze();
            try {
                assertThatThrownBy(() -> outbox.sendJson("alice", "k", "\"order shipped\"", "order-42"))
                        .isInstanceOf(OutboxOutcomeUnknownException.class)
                        .hasMessageContaining("may have been stored; retry with the same Idempotency-Key");
            } finally {
                server.thaw();
            }

            long retried = sendWhenBack(outbox, "order-42");
            Batch batch = outbox.read("alice", null, 10);

            assertThat(batch.messages()).extracting(OutboxMessage::json)
                    .containsExactly("\"warm-up\"", "\"order shipped\"");
            assertThat(retried).isEqualTo(2L).isEqualTo(batch.messages().get(1).id());
        }
    }

    @Test
    void sendsWhileRedisIsDown_sayNothingWasStored_andLogOneLineForAll() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (RedisServer server = RedisServer.start(redisDir);
             AppMessageOutbox outbox = RedisOutboxes.connect(server.uri(), OutboxSettings.defaults())) {
            outbox.sendJson("alice", "k", "1");
            server.stop();
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // slf4j-simple looks it up per line
            try {
                for (int i = 0; i < 20; i++) {
                    assertThatThrownBy(() -> outbox.sendJson("alice", "k", "2", "two"))
                            .isExactlyInstanceOf(OutboxUnavailableException.class)
                            .hasMessageContaining("nothing was stored");
                }
            } finally {
                System.setErr(original);
            }
        }
        assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("a send failed")))
                .as("one line per 10 s, not one per failed send").hasSize(1);
    }

    /** After a thaw the connection may still be re-established: retry the same send until it is answered. */
    private static long sendWhenBack(AppMessageOutbox outbox, String idempotencyKey) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                return outbox.sendJson("alice", "k", "\"order shipped\"", idempotencyKey);
            } catch (OutboxUnavailableException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("Redis did not answer within 30 s of being thawed");
    }
}

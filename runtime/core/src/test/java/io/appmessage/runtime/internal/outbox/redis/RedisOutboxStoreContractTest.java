package io.appmessage.runtime.internal.outbox.redis;

import io.appmessage.testsupport.RedisServer;

import io.appmessage.runtime.internal.outbox.OutboxStoreContract;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.spi.OutboxStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on one real redis-server: each test has its own key prefix; reopening is a new connection. */
class RedisOutboxStoreContractTest extends OutboxStoreContract {

    private static final AtomicInteger TESTS = new AtomicInteger();

    @TempDir
    static Path redisDir;
    private static RedisServer server;
    private String prefix;

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start(redisDir);
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @Override
    protected OutboxStore open(OutboxSettings settings) {
        if (prefix == null) {
            prefix = "contract:" + TESTS.incrementAndGet() + ":";
        }
        RedisEndpoint endpoint = RedisEndpoint.connect(server.uri(), RedisEndpoint.DEFAULT_COMMAND_TIMEOUT);
        return new ClosingEndpoint(new RedisOutboxStore(endpoint, settings, prefix), endpoint);
    }

    /** The store, closing its own endpoint with it (in the app, RedisOutboxes does this). */
    private record ClosingEndpoint(RedisOutboxStore store, RedisEndpoint endpoint) implements OutboxStore {
        @Override
        public OutboxMessage append(String userId, String key, String json) {
            return store.append(userId, key, json);
        }

        @Override
        public Appended append(String userId, String key, String json, String idempotencyKey) {
            return store.append(userId, key, json, idempotencyKey);
        }

        @Override
        public Batch read(String userId, Cursor after, int limit) {
            return store.read(userId, after, limit);
        }

        @Override
        public OutboxMessage appendToTopic(String topic, String key, String json) {
            return store.appendToTopic(topic, key, json);
        }

        @Override
        public Appended appendToTopic(String topic, String key, String json, String idempotencyKey) {
            return store.appendToTopic(topic, key, json, idempotencyKey);
        }

        @Override
        public Batch readTopic(String topic, Cursor after, int limit) {
            return store.readTopic(topic, after, limit);
        }

        @Override
        public String epoch() {
            return store.epoch();
        }

        @Override
        public void close() {
            store.close();
            endpoint.close();
        }
    }
}

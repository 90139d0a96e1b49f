package io.appmessage.runtime.internal.outbox.redis;

import io.appmessage.testsupport.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.outbox.MutableClock;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.spi.WakeListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import io.appmessage.runtime.outbox.RedisOutboxes;

/** Two "nodes" (two clients with their own connections) on one real redis-server (issue 6 and 7 tests). */
class RedisOutboxStoreTest {

    @TempDir
    static Path redisDir;
    private static RedisServer server;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start(redisDir);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        server.close();
    }

    @AfterEach
    void closeNodes() throws Exception {
        for (AutoCloseable node : opened) {
            node.close();
        }
    }

    @Test
    void sendThroughNode1_isReadThroughNode2InOrder(TestInfo test) {
        AppMessageOutbox node1 = node(test, OutboxSettings.defaults());
        AppMessageOutbox node2 = node(test, OutboxSettings.defaults());

        long first = node1.sendJson("alice", "order_shipped", "{\"order\":42}");
        long second = node2.sendJson("alice", "order_paid", "\"paid\"");
        Batch batch = node2.read("alice", null, 10);

        assertThat(first).isEqualTo(1L);
        assertThat(second).isEqualTo(2L);
        assertThat(batch.messages()).extracting(OutboxMessage::key, OutboxMessage::json).containsExactly(
                org.assertj.core.groups.Tuple.tuple("order_shipped", "{\"order\":42}"),
                org.assertj.core.groups.Tuple.tuple("order_paid", "\"paid\""));
        assertThat(batch.recovered()).isTrue();
        assertThat(batch.cursor().epoch()).isEqualTo(node1.store().epoch()).isEqualTo(node2.store().epoch());
        assertThat(node1.read("alice", batch.cursor().format(), 10).messages()).isEmpty();
        assertThat(node1.read("bob", null, 10).messages()).isEmpty();
    }

    @Test
    void tenThousandMessagesToHundredUsersFromBothNodes_eachReachesOnlyItsUserInOrderOnce(TestInfo test) throws Exception {
        AppMessageOutbox[] nodes = {node(test, OutboxSettings.defaults()), node(test, OutboxSettings.defaults())};
        int users = 100;
        int senders = 4;
        int perSender = 2_500;
        Pattern payload = Pattern.compile("\\{\"to\":\"(u\\d+)\",\"s\":(\\d+),\"i\":(\\d+)}");
        ExecutorService pool = Executors.newFixedThreadPool(senders + 2);
        AtomicInteger delivered = new AtomicInteger();
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                sending.add(pool.submit(() -> {
                    for (int i = 0; i < perSender; i++) {
                        String user = "u" + ((i * 7 + sender) % users);
                        nodes[sender % 2].sendJson(user, "m", "{\"to\":\"" + user + "\",\"s\":" + sender + ",\"i\":" + i + "}");
                    }
                    return null;
                }));
            }
            // two "client" threads poll both nodes at random while the senders run; each owns half the users
            List<Future<Map<String, List<OutboxMessage>>>> polling = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                int reader = r;
                polling.add(pool.submit(() -> {
                    Map<String, List<OutboxMessage>> shown = new HashMap<>();
                    Map<String, String> cursors = new HashMap<>();
                    Map<String, Long> maxSeen = new HashMap<>();
                    Random random = new Random(reader);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (delivered.get() < senders * perSender && System.nanoTime() < deadline) {
                        String user = "u" + (random.nextInt(users / 2) * 2 + reader);
                        Batch batch = nodes[random.nextInt(2)].read(user, cursors.get(user), 50);
                        assertThat(batch.recovered()).as("no cursor of %s is lost", user).isTrue();
                        for (OutboxMessage m : batch.messages()) {
                            if (m.id() <= maxSeen.getOrDefault(user, 0L)) {
                                continue; // the client drops repeats by id
                            }
                            maxSeen.put(user, m.id());
                            shown.computeIfAbsent(user, u -> new ArrayList<>()).add(m);
                            delivered.incrementAndGet();
                        }
                        cursors.put(user, batch.cursor().format());
                    }
                    return shown;
                }));
            }
            for (Future<?> f : sending) {
                f.get(120, TimeUnit.SECONDS);
            }
            Map<String, List<OutboxMessage>> shown = new HashMap<>();
            for (Future<Map<String, List<OutboxMessage>>> f : polling) {
                shown.putAll(f.get(150, TimeUnit.SECONDS));
            }

            assertThat(delivered.get()).isEqualTo(senders * perSender);
            assertThat(shown).hasSize(users);
            for (Map.Entry<String, List<OutboxMessage>> user : shown.entrySet()) {
                List<OutboxMessage> messages = user.getValue();
                assertThat(messages).extracting(OutboxMessage::id).as("ids of %s", user.getKey())
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, messages.size()).boxed().toList());
                int[] lastIndexPerSender = {-1, -1, -1, -1};
                for (OutboxMessage m : messages) {
                    Matcher match = payload.matcher(m.json());
                    assertThat(match.matches()).as(m.json()).isTrue();
                    assertThat(match.group(1)).as("only its user").isEqualTo(user.getKey());
                    int sender = Integer.parseInt(match.group(2));
                    int index = Integer.parseInt(match.group(3));
                    assertThat(index).as("in send order").isGreaterThan(lastIndexPerSender[sender]);
                    lastIndexPerSender[sender] = index;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void notifyOnNode1_wakesTheListenerOnNode2AndASendDoesToo(TestInfo test) throws Exception {
        AppMessageOutbox node1 = node(test, OutboxSettings.defaults());
        AppMessageOutbox node2 = node(test, OutboxSettings.defaults());
        BlockingQueue<String> wokenOnNode2 = new LinkedBlockingQueue<>();
        BlockingQueue<String> wokenOnNode1 = new LinkedBlockingQueue<>();
        node2.signal().subscribe(recorder(wokenOnNode2));
        node1.signal().subscribe(recorder(wokenOnNode1));

        node1.signal().notifyUser("alice");
        assertThat(wokenOnNode2.poll(5, TimeUnit.SECONDS)).isEqualTo("user:alice");
        node1.signal().notifyAllUsers();
        assertThat(wokenOnNode2.poll(5, TimeUnit.SECONDS)).isEqualTo("all");
        node1.sendJson("bob has spaces", "k", "1");
        assertThat(wokenOnNode2.poll(5, TimeUnit.SECONDS)).isEqualTo("user:bob has spaces");
        assertThat(ids(node2.read("bob has spaces", null, 10))).containsExactly(1L);

        // node 1's own listeners were told directly, once each (its echo from Redis is ignored)
        assertThat(wokenOnNode1.poll(5, TimeUnit.SECONDS)).isEqualTo("user:alice");
        assertThat(wokenOnNode1.poll(5, TimeUnit.SECONDS)).isEqualTo("all");
        assertThat(wokenOnNode1.poll(5, TimeUnit.SECONDS)).isEqualTo("user:bob has spaces");
        assertThat(wokenOnNode1.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(wokenOnNode2.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    static WakeListener recorder(BlockingQueue<String> events) {
        return new WakeListener() {
            @Override
            public void userChanged(String userId) {
                events.add("user:" + userId);
            }

            @Override
            public void everyoneChanged() {
                events.add("all");
            }
        };
    }

    /** One node; nodes of one test share a key prefix, tests do not (so they share one redis-server). */
    private AppMessageOutbox node(TestInfo test, OutboxSettings settings) {
        AppMessageOutbox node = RedisOutboxes.connect(server.uri(), settings, RedisEndpoint.DEFAULT_COMMAND_TIMEOUT,
                "test:" + test.getTestMethod().orElseThrow().getName() + ":");
        opened.add(node);
        return node;
    }

    private static List<Long> ids(Batch batch) {
        return batch.messages().stream().map(OutboxMessage::id).toList();
    }
}

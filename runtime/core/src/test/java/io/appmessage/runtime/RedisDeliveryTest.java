package io.appmessage.runtime;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.appmessage.runtime.outbox.RedisOutboxes;
import io.appmessage.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.appmessage.runtime.Delivery.ids;
import static io.appmessage.runtime.Delivery.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.appmessage.testsupport.RedisServer;

/** Issues 6 and 7 on several nodes: two poll servers share one real redis-server. */
class RedisDeliveryTest {

    private static final Logger LOG = LoggerFactory.getLogger(RedisDeliveryTest.class);

    @TempDir
    Path redisDir;

    @Test
    void twoNodes_aMessageSentThroughNode1_reachesAClientPollingNode2() throws Exception {
        try (RedisServer redis = RedisServer.start(redisDir);
             AppMessageOutbox outbox1 = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageOutbox outbox2 = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageServer node1 = Delivery.builder().outbox(outbox1).build().start();
             AppMessageServer node2 = Delivery.builder().outbox(outbox2).build().start()) {
            outbox1.sendJson("alice", "order_shipped", "{\"order\":42}");
            Map<String, Object> answer = poll(node2, "alice", null, "");
            assertThat(Json.messages(answer)).extracting(m -> m.get("data")).containsExactly(Map.of("order", 42L));
            assertThat(ids(poll(node1, "alice", (String) answer.get("cursor"), ""))).as("acknowledged on node 1 too").isEmpty();
        }
    }

    @Test
    void twoNodes_aSendThroughNode1_wakesAPollHeldOnNode2() throws Exception {
        try (RedisServer redis = RedisServer.start(redisDir);
             AppMessageOutbox outbox1 = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageOutbox outbox2 = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageServer node1 = Delivery.builder().outbox(outbox1).build().start();
             AppMessageServer node2 = Delivery.builder().outbox(outbox2).build().start()) {
            String cursor = (String) poll(node2, "alice", null, "").get("cursor");
            CompletableFuture<HttpResponse<String>> held = LongPollTest.heldPoll(node2, "alice", cursor, 20);
            LongPollTest.awaitHeld(node2, 1);

            long sent = System.nanoTime();
            outbox1.sendJson("alice", "k", "\"from node 1\"");
            Map<String, Object> answer = Json.object(held.get(20, TimeUnit.SECONDS).body());
            Duration latency = Duration.ofNanos(System.nanoTime() - sent);

            LOG.info("poll held on node 2 answered {} ms after the send on node 1 returned", latency.toMillis());
            assertThat(Json.messages(answer)).extracting(m -> m.get("data")).containsExactly("from node 1");
            assertThat(latency).isLessThan(Duration.ofSeconds(1));

            CompletableFuture<HttpResponse<String>> again = LongPollTest.heldPoll(node2, "alice", (String) answer.get("cursor"), 20);
            LongPollTest.awaitHeld(node2, 1);
            node1.notifyUser("alice"); // an app signal on node 1 reaches node 2 as well
            assertThat(Json.object(again.get(20, TimeUnit.SECONDS).body()).get("wait")).isEqualTo(20L);
        }
    }

    @Test
    void redisStops_pollsAnswerHandlerDataKeepingTheCursor_sendFailsClearly_deliveryResumes() throws Exception {
        try (RedisServer redis = RedisServer.start(redisDir);
             AppMessageOutbox outbox = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageServer server = Delivery.builder().outbox(outbox).build().start()) {
            outbox.sendJson("alice", "k", "1");
            String cursor = (String) poll(server, "alice", null, "").get("cursor");

            redis.stop();
            Map<String, Object> down;
            try (CapturedLog log = new CapturedLog()) {
                down = poll(server, "alice", cursor, "");
                poll(server, "alice", cursor, "");
                poll(server, "alice", cursor, "");
                assertThat(log.lines("targeted messages unavailable")).as("one line, not one per poll").isEqualTo(1);
                assertThat(log.text()).contains("keep the client's cursor").contains("127.0.0.1:" + redis.port());
            }
            assertThat(down.get("data")).isEqualTo(Map.of("test_msg", "测试消息"));
            assertThat(Json.messages(down)).isEmpty();
            assertThat(down.get("cursor")).as("the client's cursor, unchanged").isEqualTo(cursor);
            assertThatThrownBy(() -> outbox.sendJson("alice", "k", "2"))
                    .isInstanceOf(OutboxUnavailableException.class)
                    .hasMessageContaining("nothing was stored");

            redis.restart(); // empty: a new epoch, so the old cursor is unknown
            long id = sendWhenBack(outbox);
            Map<String, Object> back = poll(server, "alice", cursor, "");
            assertThat(back.get("recovered")).isEqualTo(false);
            assertThat(ids(back)).containsExactly(id);
        }
    }

    /**
     * Issue 6: "10,000 messages to 100 users across both nodes while clients poll both at random:
     * every message reaches its user, only its user, in order, once to listeners (after dropping
     * repeats by id)".
     */
    @Test
    void manyMessagesToManyUsers_acrossTwoNodes_eachArrivesAtItsUserOnly_inOrder_onceAfterDedupe() throws Exception {
        int users = 100;
        int perUser = 100;
        try (RedisServer redis = RedisServer.start(redisDir);
             AppMessageOutbox outbox1 = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageOutbox outbox2 = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageServer node1 = Delivery.builder().outbox(outbox1).outboxBatchSize(30).build().start();
             AppMessageServer node2 = Delivery.builder().outbox(outbox2).outboxBatchSize(30).build().start()) {
            AppMessageOutbox[] outboxes = {outbox1, outbox2};
            AppMessageServer[] nodes = {node1, node2};
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> senders = new ArrayList<>();
                for (int s = 0; s < 4; s++) {
                    int sender = s;
                    senders.add(pool.submit(() -> {
                        for (int n = 0; n < perUser; n++) {
                            for (int u = sender; u < users; u += 4) {
                                outboxes[(u + n) % 2].sendJson("u" + u, "n", "{\"user\":\"u" + u + "\",\"n\":" + n + "}");
                            }
                        }
                        return null;
                    }));
                }
                Map<String, List<Map<String, Object>>> delivered = new ConcurrentHashMap<>();
                List<Future<?>> pollers = new ArrayList<>();
                for (int p = 0; p < 4; p++) {
                    int poller = p;
                    pollers.add(pool.submit(() -> {
                        Map<String, String> cursors = new HashMap<>();
                        Map<String, Set<Long>> seen = new HashMap<>();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(75);
                        boolean complete = false;
                        while (!complete && System.nanoTime() < deadline) {
                            complete = true;
                            for (int u = poller; u < users; u += 4) {
                                String user = "u" + u;
                                Set<Long> ids = seen.computeIfAbsent(user, k -> new LinkedHashSet<>());
                                if (ids.size() == perUser) {
                                    continue;
                                }
                                complete = false;
                                AppMessageServer node = nodes[ThreadLocalRandom.current().nextInt(2)];
                                Map<String, Object> answer = poll(node, user, cursors.get(user), "");
                                assertThat(answer).doesNotContainKey("recovered");
                                cursors.put(user, (String) answer.get("cursor"));
                                for (Map<String, Object> m : Json.messages(answer)) {
                                    if (ids.add((Long) m.get("id"))) { // the client drops repeats by id
                                        delivered.computeIfAbsent(user, k -> new ArrayList<>()).add(m);
                                    }
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : senders) {
                    f.get(120, TimeUnit.SECONDS);
                }
                for (Future<?> f : pollers) {
                    f.get(120, TimeUnit.SECONDS);
                }
                for (int u = 0; u < users; u++) {
                    String user = "u" + u;
                    List<Map<String, Object>> got = delivered.getOrDefault(user, List.of());
                    assertThat(got).as(user + "'s messages").hasSize(perUser);
                    assertThat(got).extracting(m -> (Object) ((Map<?, ?>) m.get("data")).get("user")).as("only its own").containsOnly((Object) user);
                    assertThat(got).extracting(m -> (Object) ((Map<?, ?>) m.get("data")).get("n")).as("in send order, once each")
                            .isEqualTo(java.util.stream.LongStream.range(0, perUser).boxed().toList());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Lettuce reconnects in the background: send until it has, at most 30 s. */
    private static long sendWhenBack(AppMessageOutbox outbox) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                return outbox.sendJson("alice", "k", "\"after restart\"");
            } catch (OutboxUnavailableException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the outbox did not reconnect to Redis within 30 s");
    }
}

package io.appmessage.runtime;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.appmessage.runtime.Delivery.ids;
import static io.appmessage.runtime.Delivery.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Topics on the poll path, over real HTTP with the embedded store: subscribe, authorize, one cursor, history. */
class TopicsOnPollPathTest {

    @TempDir
    Path dataDir;

    @Test
    void publishedMessage_arrivesWithItsTopic_nextToPersonalOnes_andOneCursorAcknowledgesBoth() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("live:*", "all").build().start()) {
            outbox.sendJson("alice", "order_shipped", "{\"order\":42}");
            assertThat(outbox.publishJson("live:42", "chat", "{\"text\":\"hi\"}")).isEqualTo(1L);
            assertThat(outbox.publishJson("live:42", "chat", "{\"text\":\"again\"}")).isEqualTo(2L);
            outbox.publishJson("live:7", "chat", "\"another room\"");

            String raw = Http.get(server, Delivery.path(null, "topics=live:42,all"), "X-Access-Token", "alice").body();
            Map<String, Object> answer = Json.object(raw);

            assertThat(raw).contains("\"messages\":[{\"id\":1,\"key\":\"order_shipped\",\"data\":{\"order\":42},\"sent_at\":")
                    .contains("{\"id\":1,\"topic\":\"live:42\",\"key\":\"chat\",\"data\":{\"text\":\"hi\"},\"sent_at\":");
            assertThat(Json.messages(answer)).extracting(m -> m.get("topic"), m -> m.get("id"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 1L),
                            org.assertj.core.groups.Tuple.tuple("live:42", 1L),
                            org.assertj.core.groups.Tuple.tuple("live:42", 2L));
            assertThat(answer).doesNotContainKeys("topics", "refused_topics", "recovered");
            String cursor = (String) answer.get("cursor");

            Map<String, Object> acknowledged = poll(server, "alice", cursor, "topics=live:42,all");
            assertThat(ids(acknowledged)).isEmpty();
            assertThat(acknowledged.get("cursor")).isEqualTo(cursor);

            outbox.publishJson("all", "sale", "\"flash sale\"");
            Map<String, Object> next = poll(server, "alice", cursor, "topics=live:42,all");
            assertThat(Json.messages(next)).extracting(m -> m.get("topic"), m -> m.get("data"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("all", "flash sale"));
        }
    }

    @Test
    void refusedTopics_areNamed_theRestAnswered_andAnAuthorizerDecidesPerUser() {
        TopicAuthorizer orders = (poll, topic) -> topic.equals("order:A-1") && poll.userId().orElse("").equals("alice");
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("all")
                     .topicAuthorizer(orders).build().start()) {
            outbox.publishJson("order:A-1", "status", "\"packed\"");
            outbox.publishJson("all", "sale", "1");
            outbox.publishJson("vip:1", "secret", "2");

            Map<String, Object> alice = poll(server, "alice", null, "topics=order:A-1,vip:1,all");
            Map<String, Object> bob = poll(server, "bob", null, "topics=order:A-1,all");
            Map<String, Object> anonymous = poll(server, null, null, "topics=all,vip:1");

            assertThat(Json.messages(alice)).extracting(m -> m.get("topic")).containsExactly("order:A-1", "all");
            assertThat(alice.get("refused_topics")).isEqualTo(List.of("vip:1"));
            assertThat(Json.messages(bob)).extracting(m -> m.get("topic")).containsExactly("all");
            assertThat(bob.get("refused_topics")).isEqualTo(List.of("order:A-1"));
            assertThat(Json.messages(anonymous)).extracting(m -> m.get("topic")).containsExactly("all");
            assertThat(anonymous.get("refused_topics")).isEqualTo(List.of("vip:1"));
            assertThat((String) anonymous.get("cursor")).startsWith("~all!");
        }
    }

    @Test
    void tooManyTopics_orAMalformedName_isA400WithTheEnvelopeNamingTheRule() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("*").maxTopicsPerPoll(2)
                     .build().start()) {
            HttpResponse<String> tooMany = Http.get(server, Delivery.path(null, "topics=a,b,c"), "X-Access-Token", "alice");
            HttpResponse<String> malformed = Http.get(server, Delivery.POLL, "X-Access-Token", "alice",
                    "X-App-Message-Topics", "live 42");
            HttpResponse<String> repeated = Http.get(server, Delivery.path(null, "topics=a,a,a,b"), "X-Access-Token", "alice");

            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(tooMany.body()).isEqualTo("{\"code\":400,\"msg\":\"a poll lists at most 2 topics (setting"
                    + " maxTopicsPerPoll), got more: subscribe to fewer topics per poll\",\"data\":null}");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("a topic name is 1 to 128 ASCII letters, digits");
            assertThat(repeated.statusCode()).as("repeats count once").isEqualTo(200);
        }
    }

    @Test
    void topicsInTheHeader_areHonouredLikeTheQueryParameter() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("live:*").build().start()) {
            outbox.publishJson("live:1", "chat", "1");
            Map<String, Object> answer = Json.object(Http.get(server, Delivery.POLL, "X-Access-Token", "alice",
                    "X-App-Message-Topics", "live:1").body());
            assertThat(Json.messages(answer)).extracting(m -> m.get("topic")).containsExactly("live:1");
        }
    }

    @Test
    void trimmedTopicHistory_isRecoveredFalseForThatTopicOnly_andATopicAddedLaterStartsAtItsHistory() {
        OutboxSettings settings = OutboxSettings.defaults().withMaxMessagesPerTopic(2);
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir, settings);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("*").build().start()) {
            outbox.publishJson("live:1", "chat", "1");
            outbox.publishJson("live:2", "chat", "1");
            String cursor = (String) poll(server, "alice", null, "topics=live:1,live:2").get("cursor");
            for (int i = 2; i <= 5; i++) {
                outbox.publishJson("live:1", "chat", Integer.toString(i)); // 1..3 trimmed: the cursor (at 1) is behind
            }
            outbox.publishJson("late", "chat", "\"history\"");

            Map<String, Object> answer = poll(server, "alice", cursor, "topics=live:1,live:2,late");

            assertThat(answer.get("topics")).isEqualTo(Map.of("live:1", Map.of("recovered", false)));
            assertThat(answer).doesNotContainKey("recovered");
            assertThat(Json.messages(answer)).extracting(m -> m.get("topic") + "#" + m.get("id"))
                    .containsExactly("live:1#4", "live:1#5", "late#1");
            Map<String, Object> next = poll(server, "alice", (String) answer.get("cursor"), "topics=live:1,live:2,late");
            assertThat(next).doesNotContainKey("topics");
            assertThat(ids(next)).isEmpty();
        }
    }

    @Test
    void oldClientWithoutTopics_isAnsweredExactlyAsBefore_evenWhenTopicsAreBusy() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("*").build().start()) {
            String cursor = (String) poll(server, "alice", null, "").get("cursor");
            outbox.publishJson("all", "sale", "1");

            String raw = Http.get(server, Delivery.path(cursor, ""), "X-Access-Token", "alice").body();

            assertThat(raw).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"},\"messages\":[],"
                    + "\"cursor\":\"" + cursor + "\"}");
            Map<String, Object> withTopics = poll(server, "alice", cursor, "topics=all");
            assertThat((String) withTopics.get("cursor")).as("the old cursor is accepted").startsWith(cursor + "~all!");
            assertThat(ids(withTopics)).containsExactly(1L);
        }
    }

    @Test
    void heldPoll_isWokenByAPublishToItsTopic_andNotByAnotherTopic() throws Exception {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("*").build().start()) {
            String cursor = (String) poll(server, null, null, "topics=live:1").get("cursor");
            CompletableFuture<HttpResponse<String>> held = Http.getAsync(server,
                    Delivery.path(cursor, "topics=live:1&wait=20"));
            awaitHeld(server, 1);

            outbox.publishJson("live:2", "chat", "\"elsewhere\"");
            outbox.sendJson("bob", "k", "1");
            // a wake releases a hold synchronously, inside the publish: had either woken it, it would be gone now
            assertThat(server.heldPolls()).isEqualTo(1);
            outbox.publishJson("live:1", "chat", "\"here\"");

            Map<String, Object> answer = Json.object(held.get(10, java.util.concurrent.TimeUnit.SECONDS).body());
            assertThat(Json.messages(answer)).extracting(m -> m.get("data")).containsExactly("here");
            assertThat(answer.get("wait")).isEqualTo(20L);
        }
    }

    @Test
    void publish_checksTheTopicName() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir)) {
            assertThatThrownBy(() -> outbox.publishJson("live 42", "chat", "1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a topic name is 1 to 128 ASCII letters, digits, '_', '.', '-' or ':' (e.g. live:42),"
                            + " got \"live 42\"");
            assertThatThrownBy(() -> outbox.publishJson("x".repeat(129), "chat", "1"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(outbox.publishJson("a-Z_0.9:x", "chat", "1")).isEqualTo(1L);
        }
    }

    static void awaitHeld(AppMessageServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.heldPolls() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + server.heldPolls() + " of " + count + " polls held");
            }
            Thread.sleep(5);
        }
    }
}

package io.appmessage.runtime;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.RedisOutboxes;
import io.appmessage.testsupport.RedisCluster;
import io.appmessage.testsupport.RedisServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.appmessage.runtime.Delivery.poll;
import static org.assertj.core.api.Assertions.assertThat;

/** Topics on several nodes sharing a real redis-server, and on a real 3-primary Redis Cluster. */
class RedisTopicsTest {

    @TempDir
    Path redisDir;

    @Test
    void twoNodes_aPublishOnNode1_wakesSubscribersHeldOnNode2_andNotOthers() throws Exception {
        try (RedisServer redis = RedisServer.start(redisDir);
             AppMessageOutbox outbox1 = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageOutbox outbox2 = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageServer node1 = Delivery.builder().outbox(outbox1).publicTopics("live:*").build().start();
             AppMessageServer node2 = Delivery.builder().outbox(outbox2).publicTopics("live:*").build().start()) {
            String cursor = (String) poll(node2, "bob", null, "topics=live:1").get("cursor");
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(Http.getAsync(node2, Delivery.path(cursor, "topics=live:1&wait=20"), "X-Access-Token", "u" + i));
            }
            CompletableFuture<HttpResponse<String>> otherRoom = Http.getAsync(node2,
                    Delivery.path(null, "topics=live:2&wait=20"), "X-Access-Token", "carol");
            TopicsOnPollPathTest.awaitHeld(node2, 4);

            outbox1.publishJson("live:1", "chat", "\"from node 1\"");

            for (CompletableFuture<HttpResponse<String>> poll : held) {
                Map<String, Object> answer = Json.object(poll.get(20, TimeUnit.SECONDS).body());
                assertThat(Json.messages(answer)).extracting(m -> m.get("topic"), m -> m.get("data"))
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("live:1", "from node 1"));
            }
            TopicsOnPollPathTest.awaitHeld(node2, 1);
            assertThat(otherRoom).as("a poll of another room stays held").isNotDone();
            outbox2.publishJson("live:2", "chat", "\"now you\"");
            assertThat(Json.messages(Json.object(otherRoom.get(20, TimeUnit.SECONDS).body())))
                    .extracting(m -> m.get("data")).containsExactly("now you");
            Map<String, Object> onNode1 = poll(node1, "bob", cursor, "topics=live:1");
            assertThat(Json.messages(onNode1)).as("the same stream on node 1").extracting(m -> m.get("id")).containsExactly(1L);
        }
    }

    @Test
    void cluster_onePollReadsTopicsOnEveryPrimary_withoutCrossSlotCommands() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(redisDir, 3);
             AppMessageOutbox outbox = RedisOutboxes.connect(cluster.uri(), OutboxSettings.defaults());
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("*").build().start()) {
            List<String> topics = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                topics.add("room:" + i);
                outbox.publishJson("room:" + i, "chat", Integer.toString(i));
                outbox.sendJson("room:" + i, "personal", "0"); // a user of the same name: other keys, other ids
            }
            String list = String.join(",", topics);

            Map<String, Object> answer = poll(server, "alice", null, "topics=" + list);

            assertThat(Json.messages(answer)).extracting(m -> m.get("topic") + "=" + m.get("data"))
                    .containsExactlyElementsOf(topics.stream().map(t -> t + "=" + t.substring(5)).toList());
            outbox.publishJson("room:3", "chat", "\"again\"");
            Map<String, Object> next = poll(server, "alice", (String) answer.get("cursor"), "topics=" + list);
            assertThat(Json.messages(next)).extracting(m -> m.get("topic") + "#" + m.get("id")).containsExactly("room:3#2");
            assertThat(next).doesNotContainKey("topics");
        }
    }
}

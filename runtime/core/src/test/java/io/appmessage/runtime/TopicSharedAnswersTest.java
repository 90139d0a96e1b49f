package io.appmessage.runtime;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.appmessage.runtime.Delivery.ids;
import static io.appmessage.runtime.Delivery.path;
import static io.appmessage.runtime.Delivery.poll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polls a publish wakes share one read of the topic and one text of its messages; a poll whose cursor is
 * elsewhere still gets exactly the messages after its own cursor, and the shared text is the one each message
 * would be written as on its own.
 */
class TopicSharedAnswersTest {

    private static final Pattern MESSAGES = Pattern.compile("\"messages\":(\\[.*?\\]),\"cursor\"");

    @TempDir
    Path dataDir;

    @Test
    void pollsAtOneCursor_getTheSameText_aLaggingCursorGetsItsOwnMessages_andTheTextIsEachMessagesOwn() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("live:*").build().start()) {
            String start = (String) poll(server, null, null, "topics=live:1").get("cursor");
            outbox.publishJson("live:1", "chat", "{\"text\":\"say \\\"hi\\\" – ünï\"}");
            String afterFirst = (String) poll(server, null, start, "topics=live:1").get("cursor");
            outbox.publishJson("live:1", "chat", "2");
            outbox.publishJson("live:1", "chat", "3");

            String fromStart = messagesText(server, null, start);
            String fromFirst = messagesText(server, null, afterFirst);
            String fromStartAgain = messagesText(server, null, start);

            assertThat(ids(poll(server, null, start, "topics=live:1"))).containsExactly(1L, 2L, 3L);
            assertThat(ids(poll(server, null, afterFirst, "topics=live:1"))).containsExactly(2L, 3L);
            assertThat(fromStartAgain).isEqualTo(fromStart);
            assertThat(fromStart).startsWith("[{\"id\":1,\"topic\":\"live:1\",\"key\":\"chat\","
                    + "\"data\":{\"text\":\"say \\\"hi\\\" – ünï\"},\"sent_at\":");
            assertThat(fromStart).endsWith(fromFirst.substring(1)); // the same messages, written the same way

            // a poll with personal messages writes each message field by field: the topic's come out identical
            outbox.sendJson("alice", "order_shipped", "{\"order\":42}");
            String alice = messagesText(server, "alice", start);
            assertThat(alice).startsWith("[{\"id\":1,\"key\":\"order_shipped\",").endsWith(fromStart.substring(1));
        }
    }

    @Test
    void woken_pollsAtTheHead_andOneBehind_eachGetEveryMessageOnce_inOrder() throws Exception {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("live:*").build().start()) {
            String start = (String) poll(server, null, null, "topics=live:1").get("cursor");
            outbox.publishJson("live:1", "chat", "1");
            String head = (String) poll(server, null, start, "topics=live:1").get("cursor");
            List<CompletableFuture<List<Long>>> atHead = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                atHead.add(subscribe(server, head, new ArrayList<>(), 3));
            }
            TopicsOnPollPathTest.awaitHeld(server, 200);
            List<Long> behind = new ArrayList<>();
            CompletableFuture<List<Long>> lagging = subscribe(server, start, behind, 4); // answered at once: its own read

            outbox.publishJson("live:1", "chat", "2");
            outbox.publishJson("live:1", "chat", "3");
            outbox.publishJson("live:1", "chat", "4");

            for (CompletableFuture<List<Long>> subscriber : atHead) {
                assertThat(subscriber.get(60, TimeUnit.SECONDS)).containsExactly(2L, 3L, 4L);
            }
            assertThat(lagging.get(60, TimeUnit.SECONDS)).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void aPollOnTwoTopics_wokenByOne_isHeldAgainAndWokenByTheOther_withOnlyItsMessage() throws Exception {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("live:*").build().start()) {
            String both = "topics=live:1,live:2";
            String cursor = (String) poll(server, null, null, both).get("cursor");
            CompletableFuture<java.net.http.HttpResponse<String>> first = Http.getAsync(server, path(cursor, both + "&wait=25"));
            TopicsOnPollPathTest.awaitHeld(server, 1);
            outbox.publishJson("live:1", "chat", "1");
            Map<String, Object> woken = Json.object(first.get(30, TimeUnit.SECONDS).body());
            assertThat(Json.messages(woken)).extracting(m -> m.get("topic")).containsExactly("live:1");

            CompletableFuture<java.net.http.HttpResponse<String>> second =
                    Http.getAsync(server, path((String) woken.get("cursor"), both + "&wait=25"));
            TopicsOnPollPathTest.awaitHeld(server, 1);
            outbox.publishJson("live:2", "chat", "2");
            Map<String, Object> again = Json.object(second.get(30, TimeUnit.SECONDS).body());
            assertThat(Json.messages(again)).extracting(m -> m.get("topic"), m -> m.get("id"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("live:2", 1L));
            assertThat(server.heldPolls()).isZero();
        }
    }

    private static String messagesText(AppMessageServer server, String user, String cursor) {
        String body = Http.get(server, path(cursor, "topics=live:1"), Delivery.headers(user)).body();
        Matcher m = MESSAGES.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    /** Long-polls with its cursor until it has {@code count} messages; completes with the ids in arrival order. */
    private static CompletableFuture<List<Long>> subscribe(AppMessageServer server, String cursor, List<Long> seen, int count) {
        return Http.getAsync(server, path(cursor, "topics=live:1&wait=25")).thenCompose(answer -> {
            Map<String, Object> envelope = Json.object(answer.body());
            seen.addAll(ids(envelope));
            return seen.size() >= count ? CompletableFuture.completedFuture(seen)
                    : subscribe(server, (String) envelope.get("cursor"), seen, count);
        });
    }
}

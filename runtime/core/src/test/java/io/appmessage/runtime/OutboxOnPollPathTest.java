package io.appmessage.runtime;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.spi.Epochs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.appmessage.runtime.Delivery.ids;
import static io.appmessage.runtime.Delivery.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 6 on the poll path, over real HTTP with the embedded store: messages, cursor, paging, recovery. */
class OutboxOnPollPathTest {

    @TempDir
    Path dataDir;

    record Shipment(String orderNo, int parcels) {
    }

    @Test
    void sentMessage_arrivesOnTheNextPoll_andALaterCursorAcknowledgesIt() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).build().start()) {
            Map<String, Object> before = poll(server, "alice", null, "");
            assertThat(Json.messages(before)).isEmpty();
            String cursor = (String) before.get("cursor");
            assertThat(cursor).isNotBlank();

            outbox.sendJson("alice", "order_shipped", "{\"order\":42,\"carrier\":\"SF\"}");
            String raw = Http.get(server, Delivery.path(cursor, ""), "X-Access-Token", "alice").body();
            Map<String, Object> answer = Json.object(raw);

            assertThat(raw).startsWith("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"},\"messages\":[{\"id\":1,"
                    + "\"key\":\"order_shipped\",\"data\":{\"order\":42,\"carrier\":\"SF\"},\"sent_at\":");
            assertThat(answer).doesNotContainKey("recovered").doesNotContainKey("wait");
            assertThat((Long) Json.messages(answer).get(0).get("sent_at")).isPositive();
            String acknowledging = (String) answer.get("cursor");
            assertThat(acknowledging).isNotEqualTo(cursor);

            assertThat(ids(poll(server, "alice", cursor, ""))).as("resent until acknowledged").containsExactly(1L);
            Map<String, Object> after = poll(server, "alice", acknowledging, "");
            assertThat(Json.messages(after)).as("acknowledged by the later cursor").isEmpty();
            assertThat(after.get("cursor")).isEqualTo(acknowledging);
            assertThat(ids(poll(server, "bob", null, ""))).as("another user's poll").isEmpty();
        }
    }

    @Test
    void manyMessages_comeAtMostBatchSizePerAnswer_theRestOnTheNextPolls() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).outboxBatchSize(3).build().start()) {
            for (int i = 1; i <= 7; i++) {
                outbox.sendJson("alice", "n", Integer.toString(i));
            }
            List<List<Long>> pages = new ArrayList<>();
            String cursor = null;
            for (int i = 0; i < 4; i++) {
                Map<String, Object> answer = poll(server, "alice", cursor, "");
                pages.add(ids(answer));
                cursor = (String) answer.get("cursor");
            }
            assertThat(pages).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L), List.of());
        }
    }

    @Test
    void unknownCursor_answersRecoveredFalse_fromTheOldestMessage() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).build().start()) {
            outbox.sendJson("alice", "k", "1");
            outbox.sendJson("alice", "k", "2");
            Map<String, Object> reset = poll(server, "alice", Epochs.next() + "-5", "");
            Map<String, Object> malformed = poll(server, "alice", "not a cursor", "");

            assertThat(reset.get("recovered")).isEqualTo(false);
            assertThat(ids(reset)).containsExactly(1L, 2L);
            assertThat(malformed.get("recovered")).isEqualTo(false);
            Map<String, Object> next = poll(server, "alice", (String) reset.get("cursor"), "");
            assertThat(next).doesNotContainKey("recovered");
            assertThat(ids(next)).isEmpty();
        }
    }

    @Test
    void cursorInTheHeader_isHonouredLikeTheQueryParameter() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).build().start()) {
            outbox.sendJson("alice", "k", "1");
            String cursor = (String) poll(server, "alice", null, "").get("cursor");
            outbox.sendJson("alice", "k", "2");

            Map<String, Object> answer = Json.object(Http.get(server, Delivery.POLL,
                    "X-Access-Token", "alice", "X-App-Message-Cursor", cursor).body());
            assertThat(ids(answer)).containsExactly(2L);
        }
    }

    @Test
    void anonymousPoll_getsAnEmptyMessageListAndNoCursor_dataStaysNullWhenNothingPushed() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Servers.builder(TestRegistry.of()).outbox(outbox).build().start()) {
            outbox.sendJson("alice", "k", "1");
            String body = Http.get(server, Delivery.path("whatever-1", "")).body();
            assertThat(body).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":null,\"messages\":[]}");
        }
    }

    @Test
    void serverWithoutOutbox_answersTheSeedEnvelopeOnly() {
        try (AppMessageServer server = Delivery.builder().build().start()) {
            assertThat(Http.get(server, Delivery.path("x-1", ""), "X-Access-Token", "alice").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"}}");
        }
    }

    @Test
    void sendObject_serializesWithThePushWriters_generatedRecordWriterIncluded() {
        TestRegistry registry = TestRegistry.of().writer(Shipment.class, (s, sink) -> {
            sink.beginObject();
            sink.name("order_no");
            sink.string(s.orderNo());
            sink.name("parcels");
            sink.number(s.parcels());
            sink.endObject();
        });
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder(registry).outbox(outbox).build().start()) {
            outbox.send("alice", "shipped", new Shipment("A1", 2));
            outbox.send("alice", "note", Map.of("text", "到了"));

            List<Map<String, Object>> messages = Json.messages(poll(server, "alice", null, ""));
            assertThat(messages).extracting(m -> m.get("data"))
                    .containsExactly(Map.of("order_no", "A1", "parcels", 2L), Map.of("text", "到了"));
        }
    }

    @Test
    void sendUnwritableObject_failsNamingTheType_andStoresNothing() {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).build().start()) {
            assertThatThrownBy(() -> outbox.send("alice", "k", new Object()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.Object")
                    .hasMessageContaining("nothing was stored");
            assertThat(ids(poll(server, "alice", null, ""))).isEmpty();
        }
    }

    @Test
    void serverAndStoreRestart_unacknowledgedMessagesStillArrive_acknowledgedOnesDoNot() {
        String cursor;
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).build().start()) {
            outbox.sendJson("alice", "k", "1");
            cursor = (String) poll(server, "alice", null, "").get("cursor");
            outbox.sendJson("alice", "k", "2");
            outbox.sendJson("alice", "k", "3");
        }
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).build().start()) {
            Map<String, Object> answer = poll(server, "alice", cursor, "");
            assertThat(answer).doesNotContainKey("recovered");
            assertThat(ids(answer)).isEqualTo(LongStream.rangeClosed(2, 3).boxed().toList());
        }
    }
}

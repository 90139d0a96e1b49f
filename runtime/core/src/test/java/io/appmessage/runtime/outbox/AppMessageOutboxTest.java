package io.appmessage.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appmessage.runtime.internal.outbox.embedded.EmbeddedOutboxStore;
import io.appmessage.runtime.internal.outbox.signal.LocalMessageSignal;
import io.appmessage.runtime.spi.WakeListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.appmessage.runtime.spi.Batch;

class AppMessageOutboxTest {

    @TempDir
    Path dataDir;

    private AppMessageOutbox outbox;

    @BeforeEach
    void open() {
        outbox = AppMessageOutbox.embedded(dataDir);
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    @Test
    void sendJson_storesThenWakesTheUserWithTheMessageAlreadyReadable() {
        List<String> seenByListener = new CopyOnWriteArrayList<>();
        outbox.signal().subscribe(new WakeListener() {
            @Override
            public void userChanged(String userId) {
                // a woken poll reads at once: the message must already be there
                outbox.read(userId, null, 10).messages().forEach(m -> seenByListener.add(userId + ":" + m.json()));
            }

            @Override
            public void everyoneChanged() {
            }
        });

        long id = outbox.sendJson("alice", "order_shipped", "{\"order\":42}");

        assertThat(id).isEqualTo(1L);
        assertThat(seenByListener).containsExactly("alice:{\"order\":42}");
    }

    @Test
    void badInput_failsWithTheRuleAndStoresNothing() {
        assertThatThrownBy(() -> outbox.sendJson("alice", "order shipped", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters, digits, '_', '.' or '-'");
        assertThatThrownBy(() -> outbox.sendJson("alice", "k".repeat(65), "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> outbox.sendJson("", "k", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user id");
        assertThatThrownBy(() -> outbox.sendJson("al\u0000ice", "k", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> outbox.sendJson("alice", "k", "{\"a\":"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> outbox.sendJson("alice", "k", "1 2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one JSON value");
        assertThatThrownBy(() -> outbox.sendJson("alice", "k", "   "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> outbox.sendJson("alice", "k", "\"" + "x".repeat(70_000) + "\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxJsonChars");

        assertThat(outbox.read("alice", null, 10).messages()).isEmpty();
        assertThat(outbox.sendJson("alice", "ok.key-1_", "[1,{\"b\":null}]")).isEqualTo(1L);
    }

    @Test
    void malformedCursor_isAnsweredAsUnknownFromTheOldest() {
        outbox.sendJson("alice", "k", "1");

        Batch batch = outbox.read("alice", "not a cursor", 10);

        assertThat(batch.recovered()).isFalse();
        assertThat(batch.messages()).extracting(OutboxMessage::id).containsExactly(1L);
    }

    @Test
    void validCursorText_readsAfterIt() {
        outbox.sendJson("alice", "k", "1");
        String cursor = outbox.read("alice", "", 10).cursor().format();
        outbox.sendJson("alice", "k", "2");

        Batch batch = outbox.read("alice", cursor, 10);

        assertThat(batch.recovered()).isTrue();
        assertThat(batch.messages()).extracting(OutboxMessage::json).containsExactly("2");
    }

    @Test
    void sendObject_withoutSerializerSaysWhatToDoAndWithOneSerializes() {
        assertThatThrownBy(() -> outbox.send("alice", "k", 5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sendJson");

        outbox.close();
        outbox = AppMessageOutbox.builder(EmbeddedOutboxStore.open(dataDir, OutboxSettings.defaults()))
                .signal(new LocalMessageSignal())
                .jsonSerializer(data -> "{\"value\":" + data + "}")
                .build();
        outbox.send("alice", "k", 5);

        assertThat(outbox.read("alice", null, 10).messages()).extracting(OutboxMessage::json).containsExactly("{\"value\":5}");
    }
}

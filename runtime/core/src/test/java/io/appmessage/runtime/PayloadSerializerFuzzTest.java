package io.appmessage.runtime;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import io.appmessage.runtime.internal.json.FuzzedValues;
import io.appmessage.runtime.internal.json.JsonTree;
import io.appmessage.runtime.internal.json.WriterTable;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.spi.Batch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code send(userId, key, Object data)} on an outbox given to a poll server (which gives it the push
 * writers as its serializer), with random nested data: either the stored message parses with a real JSON
 * parser to what was sent (by the writer's documented forms, see {@link JsonTree}), or — only for data
 * nested deeper than {@link EnvelopeWriter#MAX_NESTING_DEPTH} or longer than the store's limit — the send
 * fails with a message that names the rule, and nothing is stored. A normal build replays the kept inputs
 * under src/test/resources; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
class PayloadSerializerFuzzTest {

    private static final int MAX_JSON_CHARS = 65_536; // OutboxSettings' default
    /** The same writers the server gives the outbox: only to tell how long the text of some data is. */
    private static final EnvelopeWriter LENGTH_PROBE = new EnvelopeWriter(new WriterTable().freeze());

    @TempDir
    static Path dataDir;
    private static AppMessageOutbox outbox;
    private static AppMessageServer server;
    /** The cursor after the last message read: each input reads only what it sent. */
    private static String cursor;

    @BeforeAll
    static void buildServer() {
        outbox = AppMessageOutbox.embedded(dataDir);
        server = Delivery.builder().outbox(outbox).build(); // gives the outbox its serializer
        cursor = outbox.read("alice", null, 1).cursor().format();
    }

    @AfterAll
    static void closeServer() {
        server.close();
        outbox.close();
    }

    @FuzzTest(maxDuration = "10s")
    void anyData_isStoredAsJsonThatParsesToIt_orRefusedWithNothingStored(FuzzedDataProvider fuzz) {
        Object data = new FuzzedValues(fuzz).value(0);
        boolean tooDeep = JsonTree.depth(data) > EnvelopeWriter.MAX_NESTING_DEPTH;
        if (tooDeep) {
            assertThatThrownBy(() -> outbox.send("alice", "fuzzed", data))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("message data of type ")
                    .hasMessageContaining("nesting depth")
                    .hasMessageEndingWith("nothing was stored");
            assertThat(unread().messages()).as("nothing stored").isEmpty();
            return;
        }
        int length = LENGTH_PROBE.json(data).length();
        if (length > MAX_JSON_CHARS) {
            assertThatThrownBy(() -> outbox.send("alice", "fuzzed", data))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("message data is " + length + " characters, more than the 65536 allowed");
            assertThat(unread().messages()).as("nothing stored").isEmpty();
            return;
        }

        long id = outbox.send("alice", "fuzzed", data);

        Batch batch = unread();
        assertThat(batch.messages()).extracting(OutboxMessage::id).containsExactly(id);
        String json = batch.messages().get(0).json();
        JsonTree.assertMatches(data, JsonTree.parse(json.getBytes(StandardCharsets.UTF_8)), "data");
        cursor = batch.cursor().format();
    }

    @Test
    void mapKeyWithALoneSurrogate_isStoredWithU_FFFD_insteadOfRefusedAsInvalidJson() {
        // a reader refuses a property name that is half a UTF-16 pair; the send used to fail, blaming the data
        long id = outbox.send("alice", "fuzzed", Map.of("name\uD800", List.of("\uDC00", "\uD83D\uDE00")));

        Batch batch = unread();
        assertThat(batch.messages()).extracting(OutboxMessage::id).containsExactly(id);
        assertThat(batch.messages().get(0).json()).isEqualTo("{\"name\uFFFD\":[\"\uFFFD\",\"\uD83D\uDE00\"]}");
        cursor = batch.cursor().format();
    }

    @Test
    void integerOfTwoThousandDigits_isStoredAsThatNumber() {
        BigInteger huge = BigInteger.TEN.pow(2000).negate();

        long id = outbox.send("alice", "fuzzed", Map.of("n", huge));

        Batch batch = unread();
        assertThat(batch.messages()).extracting(OutboxMessage::id).containsExactly(id);
        assertThat(batch.messages().get(0).json()).isEqualTo("{\"n\":" + huge + "}");
        cursor = batch.cursor().format();
    }

    private static Batch unread() {
        return outbox.read("alice", cursor, 10);
    }
}

package io.appmessage.runtime.internal.json;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random nested data under random keys (any UTF-16, lone surrogates and control characters included),
 * plus an extra field: the success envelope always parses as exactly one JSON object with a real parser,
 * every key holds what was pushed (by the writer's documented forms, see {@link JsonTree}), and only an
 * entry nested deeper than {@link EnvelopeWriter#MAX_NESTING_DEPTH} is left out, marked as dropped. The
 * error envelope carries any message intact. A normal build replays the kept inputs under
 * src/test/resources; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
class EnvelopeWriterFuzzTest {

    private static final EnvelopeWriter WRITER = new EnvelopeWriter(new WriterTable().freeze());

    @FuzzTest(maxDuration = "10s")
    void anyData_makesAnEnvelopeThatParsesToTheSameValues(FuzzedDataProvider data) {
        FuzzedValues values = new FuzzedValues(data);
        // the seam's own field names (cursor, messages…) never repeat code, msg or data
        String extraName = data.consumeBoolean() ? "x" + values.text() : null;
        String extraValue = extraName == null ? null : values.text();
        DataEntries entries = new DataEntries(2);
        int n = data.consumeInt(0, 5);
        for (int i = 0; i < n; i++) {
            String key = values.text();
            Object value = values.value(0);
            int index = entries.indexOf(key);
            if (index < 0) {
                entries.add(key, value, "Fuzz#handler" + i);
            } else {
                entries.replace(index, value, "Fuzz#handler" + i); // a later push of the key wins
            }
        }
        EnvelopeFields extra = extraName == null ? EnvelopeFields.NONE : sink -> {
            sink.name(extraName);
            sink.string(extraValue);
        };

        byte[] body = WRITER.success(entries, extra);

        @SuppressWarnings("unchecked")
        Map<String, Object> envelope = (Map<String, Object>) JsonTree.parse(body);
        List<String> expectedTop = new ArrayList<>(List.of("code", "msg", "data"));
        if (extraName != null) {
            expectedTop.add(JsonTree.text(extraName));
        }
        assertThat(envelope.keySet()).containsExactlyElementsOf(expectedTop);
        assertThat(envelope.get("code")).isEqualTo(new JsonTree.Num("0"));
        List<Integer> dropped = new ArrayList<>();
        for (int d = 0; d < entries.droppedCount(); d++) {
            dropped.add(entries.droppedIndex(d));
            assertThat(entries.droppedCause(d)).as("why entry " + entries.droppedIndex(d) + " was dropped")
                    .hasMessageContaining("nesting depth");
        }
        // the entries as written: a name that only lone surrogates told apart repeats, and a reader keeps the last
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            boolean tooDeep = JsonTree.depth(entries.value(i)) > EnvelopeWriter.MAX_NESTING_DEPTH;
            assertThat(dropped.contains(i)).as("entry " + i + " dropped exactly when nested too deep").isEqualTo(tooDeep);
            if (!tooDeep) {
                kept.put(JsonTree.text(entries.key(i)), entries.value(i));
            }
        }
        if (kept.isEmpty()) {
            assertThat(envelope.get("data")).isNull();
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> written = (Map<String, Object>) envelope.get("data");
            assertThat(written.keySet()).containsExactlyElementsOf(kept.keySet());
            kept.forEach((key, value) -> JsonTree.assertMatches(value, written.get(key), "data." + key));
        }
        if (extraName != null) {
            assertThat(envelope.get(JsonTree.text(extraName))).isEqualTo(JsonTree.text(extraValue));
        }
    }

    @Test
    void loneSurrogates_inNamesAndText_areWrittenAsU_FFFD_soTheEnvelopeParses() {
        // jackson-core refuses a property name written as half a UTF-16 pair; valid pairs stay as they are
        DataEntries entries = new DataEntries(1);
        entries.add("k", Map.of("name\uD800", List.of("\uDC00x", "\uD83D\uDE00", new char[] {'\uD83D'})), "Fuzz#k");

        byte[] body = WRITER.success(entries, EnvelopeFields.NONE);

        assertThat(entries.droppedCount()).isZero();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(
                "{\"code\":0,\"msg\":\"\",\"data\":{\"k\":{\"name\uFFFD\":[\"\uFFFDx\",\"\uD83D\uDE00\",[\"\uFFFD\"]]}}}");
        assertThat(JsonTree.parse(body)).isInstanceOf(Map.class);
    }

    @FuzzTest(maxDuration = "5s")
    void anyMessage_makesAnErrorEnvelopeThatParsesToTheSameMessage(FuzzedDataProvider data) {
        int code = data.consumeInt(400, 599);
        String message = new FuzzedValues(data).text();

        Object parsed = JsonTree.parse(WRITER.error(code, message));

        assertThat(parsed).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> envelope = (Map<String, Object>) parsed;
        assertThat(envelope.keySet()).containsExactly("code", "msg", "data");
        assertThat(envelope.get("code")).isEqualTo(new JsonTree.Num(Integer.toString(code)));
        assertThat(envelope.get("msg")).isEqualTo(JsonTree.text(message));
        assertThat(envelope.get("data")).isNull();
    }
}

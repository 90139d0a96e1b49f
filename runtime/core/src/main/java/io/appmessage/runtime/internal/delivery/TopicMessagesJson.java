package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.spi.Batch;
import java.util.List;

/**
 * The {@code messages} array of an answer that carries one topic's batch and nothing personal, as JSON text made
 * once per batch: the thousands of polls one publish wakes share that batch ({@link TopicReadCache}), so they
 * copy one string instead of writing each message field by field. Only the last batch is remembered; instances
 * are immutable, so sharing one across polls and threads is safe.
 *
 * <pre>{@code
 * sink.name("messages");
 * sink.rawValue(json.of("live:42", batch));   // [{"id":7,"topic":"live:42","key":"k","data":{…},"sent_at":…}]
 * }</pre>
 */
final class TopicMessagesJson {

    private volatile Made last;

    private record Made(String topic, Batch batch, String json) {
    }

    /** The array of {@code batch}'s messages, each with its {@code topic}, exactly as field-by-field writing has it. */
    String of(String topic, Batch batch) {
        Made made = last;
        if (made != null && made.batch == batch && made.topic.equals(topic)) {
            return made.json;
        }
        String json = format(topic, batch.messages());
        last = new Made(topic, batch, json);
        return json;
    }

    static String format(String topic, List<OutboxMessage> messages) {
        StringBuilder out = new StringBuilder(64 + messages.size() * 96);
        out.append('[');
        for (int i = 0; i < messages.size(); i++) {
            OutboxMessage m = messages.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"id\":").append(m.id()).append(",\"topic\":");
            string(out, topic);
            out.append(",\"key\":");
            string(out, m.key());
            out.append(",\"data\":").append(m.json()).append(",\"sent_at\":").append(m.sentAt().toEpochMilli()).append('}');
        }
        return out.append(']').toString();
    }

    /** A JSON string: quotes, backslashes and control characters escaped; everything else as it is. */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}

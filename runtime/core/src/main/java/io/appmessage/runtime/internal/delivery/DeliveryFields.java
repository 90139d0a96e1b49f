package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.internal.json.EnvelopeFields;
import io.appmessage.runtime.internal.json.EnvelopeSink;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.outbox.OutboxMessage;

import java.util.List;

/**
 * The envelope fields after {@code data} (the mini-program
 * README's wire format and long-poll rule):
 * {@code "messages":[{"id":…,"key":…,"data":…,"sent_at":…}],"cursor":"…","recovered":false,"wait":25}.
 *
 * <ul>
 *   <li>{@code messages}: only when an outbox is configured; empty for anonymous polls and while
 *       the store is unavailable. Each {@code data} is copied as the stored JSON text, never parsed.</li>
 *   <li>{@code cursor}: the batch's; while the store is unavailable, the one the client sent
 *       (so it acknowledges nothing new); absent when there is neither.</li>
 *   <li>{@code recovered}: only {@code false}, when the client's cursor was unknown.</li>
 *   <li>{@code wait}: the seconds this poll was allowed to be held, only when long-poll honoured it.</li>
 * </ul>
 *
 * <pre>{@code
 * poll.envelopeFields(new DeliveryFields(true, batch, cursorSent, 25));
 * }</pre>
 */
final class DeliveryFields implements EnvelopeFields {

    private final boolean messagesField;
    private final Batch batch;
    private final String cursorSent;
    private final int waitSeconds;

    /**
     * @param messagesField whether an outbox is configured (then {@code messages} is always written)
     * @param batch         what the store answered, or null (anonymous, or the store unavailable)
     * @param cursorSent    the client's cursor, echoed when there is no batch
     * @param waitSeconds   the wait granted, 0 for none
     */
    DeliveryFields(boolean messagesField, Batch batch, String cursorSent, int waitSeconds) {
        this.messagesField = messagesField;
        this.batch = batch;
        this.cursorSent = cursorSent;
        this.waitSeconds = waitSeconds;
    }

    @Override
    public void write(EnvelopeSink sink) {
        if (messagesField) {
            sink.name("messages");
            sink.beginArray();
            if (batch != null) {
                List<OutboxMessage> messages = batch.messages();
                for (int i = 0; i < messages.size(); i++) {
                    writeMessage(sink, messages.get(i), null);
                }
            }
            sink.endArray();
            String cursor = batch != null ? batch.cursor().format() : cursorSent;
            if (cursor != null) {
                sink.name("cursor");
                sink.string(cursor);
            }
            if (batch != null && !batch.recovered()) {
                sink.name("recovered");
                sink.bool(false);
            }
        }
        if (waitSeconds > 0) {
            sink.name("wait");
            sink.number(waitSeconds);
        }
    }

    /** One message: {@code {"id":…,"topic":…,"key":…,"data":…,"sent_at":…}}, {@code topic} only for a topic's. */
    static void writeMessage(EnvelopeSink sink, OutboxMessage m, String topic) {
        sink.beginObject();
        sink.name("id");
        sink.number(m.id());
        if (topic != null) {
            sink.name("topic");
            sink.string(topic);
        }
        sink.name("key");
        sink.string(m.key());
        sink.name("data");
        sink.rawValue(m.json());
        sink.name("sent_at");
        sink.number(m.sentAt().toEpochMilli());
        sink.endObject();
    }
}

package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.internal.json.EnvelopeFields;
import io.appmessage.runtime.internal.json.EnvelopeSink;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope fields after {@code data} of a poll that lists {@code topics}:
 * {@code "messages":[…personal…, {"id":7,"topic":"live:42","key":…,"data":…,"sent_at":…}],"cursor":"…",
 * "recovered":false,"topics":{"live:42":{"recovered":false}},"refused_topics":["vip:1"],"wait":25}.
 *
 * <ul>
 *   <li>{@code messages}: the personal ones first (no {@code topic}), then each allowed topic's, in the order
 *       listed, oldest first; ids count per stream.</li>
 *   <li>{@code cursor}: one {@link PollCursor} covering the personal stream and every allowed topic; a stream
 *       the store could not read keeps the position the client sent.</li>
 *   <li>{@code recovered}: only {@code false}, for the personal stream.</li>
 *   <li>{@code topics}: only topics whose history no longer reaches the cursor ({@code recovered:false}).</li>
 *   <li>{@code refused_topics}: only when the authorizer refused some.</li>
 * </ul>
 */
final class TopicDeliveryFields implements EnvelopeFields {

    private final Batch personal;
    private final PollCursor sent;
    private final PollTopics topics;
    private final Map<String, Batch> topicBatches;
    private final int waitSeconds;
    private final PollCursor.Memo memo;
    private final TopicMessagesJson messagesJson;

    TopicDeliveryFields(Batch personal, PollCursor sent, PollTopics topics, Map<String, Batch> topicBatches,
                        int waitSeconds, PollCursor.Memo memo, TopicMessagesJson messagesJson) {
        this.memo = memo;
        this.messagesJson = messagesJson;
        this.personal = personal;
        this.sent = sent;
        this.topics = topics;
        this.topicBatches = topicBatches;
        this.waitSeconds = waitSeconds;
    }

    @Override
    public void write(EnvelopeSink sink) {
        sink.name("messages");
        writeMessages(sink);
        String cursor = cursor();
        if (!cursor.isEmpty()) {
            sink.name("cursor");
            sink.string(cursor);
        }
        if (personal != null && !personal.recovered()) {
            sink.name("recovered");
            sink.bool(false);
        }
        writeUnrecovered(sink);
        if (!topics.refused().isEmpty()) {
            sink.name("refused_topics");
            sink.beginArray();
            for (String topic : topics.refused()) {
                sink.string(topic);
            }
            sink.endArray();
        }
        if (waitSeconds > 0) {
            sink.name("wait");
            sink.number(waitSeconds);
        }
    }

    /** One topic's batch and nothing personal (a room's viewers): the array made once per batch, else message by message. */
    private void writeMessages(EnvelopeSink sink) {
        if ((personal == null || personal.messages().isEmpty()) && topicBatches.size() == 1) {
            Map.Entry<String, Batch> only = topicBatches.entrySet().iterator().next();
            sink.rawValue(messagesJson.of(only.getKey(), only.getValue()));
            return;
        }
        sink.beginArray();
        if (personal != null) {
            for (OutboxMessage m : personal.messages()) {
                DeliveryFields.writeMessage(sink, m, null);
            }
        }
        for (Map.Entry<String, Batch> topic : topicBatches.entrySet()) {
            for (OutboxMessage m : topic.getValue().messages()) {
                DeliveryFields.writeMessage(sink, m, topic.getKey());
            }
        }
        sink.endArray();
    }

    /** The next cursor; one topic and no personal stream (a room's viewers) is formatted once per batch. */
    private String cursor() {
        if (personal != null || topics.allowed().size() != 1) {
            return format();
        }
        String topic = topics.allowed().get(0);
        Batch batch = topicBatches.get(topic);
        String remembered = memo.answer(sent, topic, batch);
        if (remembered == null) {
            remembered = format();
            memo.remember(sent, topic, batch, remembered);
        }
        return remembered;
    }

    private String format() {
        String head = personal != null ? personal.cursor().format() : sent.personal();
        Map<String, Cursor> positions = new LinkedHashMap<>();
        for (String topic : topics.allowed()) {
            Batch batch = topicBatches.get(topic);
            Cursor at = batch != null ? batch.cursor() : sent.topic(topic);
            if (at != null && at != Cursor.UNRECOGNIZED) {
                positions.put(topic, at);
            }
        }
        return PollCursor.format(head, positions);
    }

    private void writeUnrecovered(EnvelopeSink sink) {
        boolean open = false;
        for (Map.Entry<String, Batch> topic : topicBatches.entrySet()) {
            if (topic.getValue().recovered()) {
                continue;
            }
            if (!open) {
                sink.name("topics");
                sink.beginObject();
                open = true;
            }
            sink.name(topic.getKey());
            sink.beginObject();
            sink.name("recovered");
            sink.bool(false);
            sink.endObject();
        }
        if (open) {
            sink.endObject();
        }
    }
}

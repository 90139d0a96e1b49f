package io.appmessage.runtime.internal.outbox;

import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.spi.MessageSignal;
import io.appmessage.runtime.spi.OutboxStore;

/**
 * The topic half of an outbox: checks a publish's input, stores it in the topic's stream, then wakes the polls
 * subscribed to that topic on every node; and reads a topic for the poll path.
 *
 * <pre>{@code
 * TopicPublisher topics = new TopicPublisher(store, signal, reporter, 65_536);
 * long id = topics.publishJson("live:42", "chat", "{\"text\":\"hi\"}", null);
 * }</pre>
 */
public final class TopicPublisher {

    private final OutboxStore store;
    private final MessageSignal signal;
    private final SendReporter reporter;
    private final int maxJsonChars;

    public TopicPublisher(OutboxStore store, MessageSignal signal, SendReporter reporter, int maxJsonChars) {
        this.store = store;
        this.signal = signal;
        this.reporter = reporter;
        this.maxJsonChars = maxJsonChars;
    }

    /**
     * Stores and wakes; with an {@code idempotencyKey} (null: none) a repeat stores nothing and wakes nobody.
     *
     * @return the message id in the topic's stream
     */
    public long publishJson(String topic, String key, String json, String idempotencyKey) {
        TopicNames.require(topic);
        return StreamWrites.send(key, json, idempotencyKey, maxJsonChars, reporter,
                (k, j, idempotency) -> idempotency == null ? new OutboxStore.Appended(store.appendToTopic(topic, k, j), false)
                        : store.appendToTopic(topic, k, j, idempotency),
                () -> signal.notifyTopic(topic), "topic");
    }

    /** The topic's messages after {@code after} (null: a new subscriber). */
    public Batch read(String topic, Cursor after, int limit) {
        return StreamWrites.read(reporter, () -> store.readTopic(topic, after, limit));
    }
}

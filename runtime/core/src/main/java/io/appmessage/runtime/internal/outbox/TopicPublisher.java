package io.appmessage.runtime.internal.outbox;

import io.appmessage.runtime.outbox.OutboxUnavailableException;
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
        OutboxInput.requireKey(key);
        OutboxInput.requireJson(json, maxJsonChars);
        if (idempotencyKey != null) {
            OutboxInput.requireIdempotencyKey(idempotencyKey);
        }
        long id;
        boolean repeated = false;
        try {
            if (idempotencyKey == null) {
                id = store.appendToTopic(topic, key, json).id();
            } else {
                OutboxStore.Appended appended = store.appendToTopic(topic, key, json, idempotencyKey);
                id = appended.message().id();
                repeated = appended.repeated();
            }
        } catch (OutboxUnavailableException e) {
            reporter.sendFailed(key, e);
            throw e;
        }
        if (repeated) {
            reporter.storeAnswered();
            return id;
        }
        reporter.sent(key);
        try {
            signal.notifyTopic(topic);
        } catch (RuntimeException e) {
            reporter.wakeFailed("topic", id, e); // stored: subscribers' next poll carries it
        }
        return id;
    }

    /** The topic's messages after {@code after} (null: a new subscriber). */
    public Batch read(String topic, Cursor after, int limit) {
        Batch batch;
        try {
            batch = store.readTopic(topic, after, limit);
        } catch (OutboxUnavailableException e) {
            reporter.storeFailed();
            throw e;
        }
        reporter.storeAnswered();
        return batch;
    }
}

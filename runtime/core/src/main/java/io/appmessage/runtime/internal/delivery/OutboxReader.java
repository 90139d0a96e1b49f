package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a poll's targeted messages, at most the batch size per answer. When the
 * store is unavailable (Redis down, disk failing) the poll still answers its handler data: this
 * returns null and logs one clear line per interval, with how many failures it held back, so an
 * outage does not flood the log.
 *
 * <pre>{@code
 * Batch batch = reader.read("alice", cursorText);  // null: store unavailable, answer without messages
 * }</pre>
 */
final class OutboxReader {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxReader.class);

    private final AppMessageOutbox outbox;
    private final int batchSize;
    private final long logIntervalNanos;
    private final AtomicLong nextLogAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger heldBack = new AtomicInteger();
    private final TopicReadCache topicReads = new TopicReadCache();

    OutboxReader(AppMessageOutbox outbox, int batchSize, long logIntervalNanos) {
        this.outbox = outbox;
        this.batchSize = batchSize;
        this.logIntervalNanos = logIntervalNanos;
    }

    /** The user's messages after the cursor; null when the store cannot be read now (logged, rate-limited). */
    Batch read(String userId, String cursorText) {
        try {
            return outbox.read(userId, cursorText, batchSize);
        } catch (OutboxUnavailableException e) {
            logUnavailable(e);
            return null;
        }
    }

    /** A message was published to {@code topic}: call before its held polls are released. */
    void topicChanged(String topic) {
        topicReads.topicChanged(topic);
    }

    /** Everything may have changed. */
    void everyoneChanged() {
        topicReads.clear();
    }

    /** The topic's messages after {@code after} (null: new subscriber); null when the store cannot be read now. */
    Batch readTopic(String topic, Cursor after) {
        Batch cached = topicReads.get(topic, after);
        if (cached != null) {
            return cached;
        }
        TopicReadCache.Entries entries = topicReads.entries(topic);
        long started = System.nanoTime();
        try {
            Batch batch = outbox.readTopic(topic, after, batchSize);
            entries.put(after, batch, started);
            return batch;
        } catch (OutboxUnavailableException e) {
            logUnavailable(e);
            return null;
        } catch (UnsupportedOperationException e) {
            logUnavailable(new OutboxUnavailableException(e.getMessage(), null)); // a store without topics
            return null;
        }
    }

    private void logUnavailable(OutboxUnavailableException e) {
        long now = System.nanoTime();
        long next = nextLogAt.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextLogAt.compareAndSet(next, now + logIntervalNanos)) {
            LOG.warn("targeted messages unavailable: polls answer their handler data without messages and keep"
                    + " the client's cursor, so nothing is lost ({} more polls since the last line): {}",
                    heldBack.getAndSet(0), e.getMessage());
        } else {
            heldBack.incrementAndGet();
        }
    }
}

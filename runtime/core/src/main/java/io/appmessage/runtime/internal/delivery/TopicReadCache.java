package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recent reads of topics by cursor, so that the thousands of polls a publish wakes, which mostly share one
 * cursor, cost one store read instead of one each. An entry lives until the next wake-up for its topic
 * ({@link #topicChanged}, called before the held polls are released) and at most {@link #TTL_NANOS} (a
 * wake-up from another node may be lost). A read that raced a wake-up stores into the topic's detached
 * entries, which no later poll sees, so a woken poll never gets a batch from before its wake-up.
 *
 * <pre>{@code
 * Batch batch = cache.get(topic, cursor);
 * if (batch == null) { TopicReadCache.Entries e = cache.entries(topic); batch = store.read(...); e.put(cursor, batch); }
 * }</pre>
 */
final class TopicReadCache {

    /** Longest an answer is reused without a wake-up. */
    static final long TTL_NANOS = 1_000_000_000L;
    /** Topics and cursors per topic kept; beyond, the map is cleared (a cache, never a store). */
    private static final int MAX_TOPICS = 1_024;
    private static final int MAX_CURSORS = 64;

    /** The key of a read for a new subscriber (no cursor yet). */
    private static final Object NO_CURSOR = new Object();

    private final ConcurrentHashMap<String, Entries> topics = new ConcurrentHashMap<>();

    /** A cached batch for this topic and cursor, or null. */
    Batch get(String topic, Cursor after) {
        Entries entries = topics.get(topic);
        return entries == null ? null : entries.get(after);
    }

    /** Where a read about to start stores its answer: taken before the read, so a wake-up during it wins. */
    Entries entries(String topic) {
        if (topics.size() >= MAX_TOPICS) {
            topics.clear();
        }
        return topics.computeIfAbsent(topic, t -> new Entries());
    }

    /** Something was published to {@code topic}: no cached read of it holds any more. */
    void topicChanged(String topic) {
        topics.remove(topic);
    }

    /** Everything may have changed (a store-wide signal). */
    void clear() {
        topics.clear();
    }

    /** One topic's cached reads, by cursor. */
    static final class Entries {
        /** Keyed by the cursor itself (a record: equal by epoch and id), so a lookup builds no string. */
        private final ConcurrentHashMap<Object, Timed> byCursor = new ConcurrentHashMap<>();

        private record Timed(Batch batch, long atNanos) {
        }

        Batch get(Cursor after) {
            Timed timed = byCursor.get(key(after));
            return timed == null || System.nanoTime() - timed.atNanos() > TTL_NANOS ? null : timed.batch();
        }

        void put(Cursor after, Batch batch, long readStartNanos) {
            if (byCursor.size() >= MAX_CURSORS) {
                byCursor.clear();
            }
            byCursor.put(key(after), new Timed(batch, readStartNanos));
        }

        private static Object key(Cursor after) {
            return after == null ? NO_CURSOR : after;
        }
    }
}

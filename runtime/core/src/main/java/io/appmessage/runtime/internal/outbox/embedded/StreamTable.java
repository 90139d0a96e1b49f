package io.appmessage.runtime.internal.outbox.embedded;

import io.appmessage.runtime.outbox.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One family of message streams in the MVStore file: the users' streams or the topics' streams. Each
 * stream has ids 1, 2, 3, … (dense), a retention by count and age, and idempotency keys. Every method runs
 * under the store's lock; durability (commit and fsync) is {@link GroupCommit}'s.
 *
 * <pre>{@code
 * StreamTable users = new StreamTable(mvStore, "", 1_000, Duration.ofHours(24));
 * long id = users.add("alice", "order_shipped", "{\"order\":42}", null, now);
 * users.durable("alice", id);          // after the sync that covers it: readers may see it
 * }</pre>
 */
final class StreamTable {

    /** Separates the stream name from the id in a message key; names carry no control characters. */
    private static final char SEPARATOR = '\0';

    /** {@code <stream>\0<id, 19 digits>} → encoded message: sorted by stream, then id. */
    private final MVMap<String, String> messages;
    /** stream → highest id ever given, kept after its message is trimmed (ids never go back). */
    private final MVMap<String, Long> lastIds;
    private final IdempotencyKeys idempotencyKeys;
    /** Streams with unsynced appends → {readable last id, unsynced count}. */
    private final HashMap<String, long[]> readableLastIds = new HashMap<>();
    private final int maxMessages;
    private final Duration maxAge;

    /**
     * @param mapPrefix prefix of this family's map names ({@code ""} for users, whose maps predate topics)
     */
    StreamTable(MVStore store, String mapPrefix, int maxMessages, Duration maxAge) {
        this.messages = store.openMap(mapPrefix + "messages");
        this.lastIds = store.openMap(mapPrefix + "last_ids");
        this.idempotencyKeys = new IdempotencyKeys(store, mapPrefix, maxAge);
        this.maxMessages = maxMessages;
        this.maxAge = maxAge;
    }

    /** The id a live idempotency key names, or 0 when there is none or it is past the maximum age. */
    long knownId(String stream, String idempotencyKey, Instant now) {
        return idempotencyKeys.knownId(stream, idempotencyKey, now);
    }

    /** Stores a message (not yet durable: call {@link #durable} after its sync) and trims the stream. */
    long add(String stream, String key, String json, String idempotencyKey, Instant now) {
        long previous = lastIds.getOrDefault(stream, 0L);
        long id = previous + 1;
        messages.put(messageKey(stream, id), MessageCodec.encode(key, json, now));
        lastIds.put(stream, id);
        if (idempotencyKey != null) {
            idempotencyKeys.put(stream, idempotencyKey, id, now);
        }
        trimHead(stream, id, now);
        readableLastIds.computeIfAbsent(stream, s -> new long[] {previous, 0})[1]++;
        return id;
    }

    /** Message {@code id} of {@code stream} is on the disk: readers may see it. */
    void durable(String stream, long id) {
        long[] pending = readableLastIds.get(stream);
        pending[0] = id;
        if (--pending[1] == 0) {
            readableLastIds.remove(stream); // nothing pending: the stored last id is the readable one
        }
    }

    /** The stream's last id a reader may see (durable), unsynced appends excluded. */
    long readableLastId(String stream) {
        long[] pending = readableLastIds.get(stream);
        return pending != null ? pending[0] : lastIds.getOrDefault(stream, 0L);
    }

    /**
     * Retained messages above {@code afterId} up to {@code lastId}, oldest first, at most {@code max}, leading
     * ones older than the maximum age skipped (removed on the stream's next append).
     */
    List<OutboxMessage> fetch(String stream, long afterId, long lastId, int max, Instant now) {
        Instant cutoff = now.minus(maxAge);
        List<OutboxMessage> fetched = new ArrayList<>();
        Iterator<Map.Entry<String, String>> entries = entriesFrom(stream, afterId + 1);
        boolean skippingExpired = true;
        while (entries.hasNext() && fetched.size() < max) {
            Map.Entry<String, String> entry = entries.next();
            long id = idOf(entry.getKey());
            if (id > lastId) {
                break; // appended but not durable yet: its sender is still waiting for the sync
            }
            OutboxMessage message = MessageCodec.decode(id, entry.getValue());
            if (skippingExpired && message.sentAt().isBefore(cutoff)) {
                continue;
            }
            skippingExpired = false;
            fetched.add(message);
        }
        return fetched;
    }

    /** Removes every stream's messages and idempotency keys past the maximum age; how many messages went. */
    int purgeExpired(Instant now) {
        int removed = 0;
        for (Map.Entry<String, Long> stream : lastIds.entrySet()) {
            removed += trimHead(stream.getKey(), stream.getValue(), now);
        }
        idempotencyKeys.purge(now);
        return removed;
    }

    /** Drops the stream's oldest messages while there are too many or they are too old; ids are dense. */
    private int trimHead(String stream, long lastId, Instant now) {
        Instant cutoff = now.minus(maxAge);
        int removed = 0;
        Iterator<Map.Entry<String, String>> entries = entriesFrom(stream, 1);
        while (entries.hasNext()) {
            Map.Entry<String, String> oldest = entries.next();
            long oldestId = idOf(oldest.getKey());
            boolean tooMany = lastId - oldestId + 1 > maxMessages;
            if (!tooMany && !MessageCodec.sentAt(oldest.getValue()).isBefore(cutoff)) {
                break;
            }
            messages.remove(oldest.getKey());
            removed++;
        }
        return removed;
    }

    private Iterator<Map.Entry<String, String>> entriesFrom(String stream, long fromId) {
        String from = messageKey(stream, fromId);
        String to = stream + (char) (SEPARATOR + 1);
        org.h2.mvstore.Cursor<String, String> cursor = messages.cursor(from, to, false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Map.Entry<String, String> next() {
                String k = cursor.next();
                return Map.entry(k, cursor.getValue());
            }
        };
    }

    private static String messageKey(String stream, long id) {
        return stream + SEPARATOR + String.format("%019d", id);
    }

    private static long idOf(String messageKey) {
        return Long.parseLong(messageKey.substring(messageKey.lastIndexOf(SEPARATOR) + 1));
    }
}

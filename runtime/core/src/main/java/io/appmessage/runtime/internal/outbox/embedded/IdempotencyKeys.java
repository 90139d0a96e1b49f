package io.appmessage.runtime.internal.outbox.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One stream family's idempotency keys, each live for the maximum age after its send. Keys are also indexed
 * by send time, so every send removes the oldest expired ones: the keys stay bounded by what was sent within
 * the maximum age, with or without {@link #purge}. Runs under the store's lock, written in the same commit as
 * the message, so a crash keeps both or neither.
 *
 * <pre>{@code
 * IdempotencyKeys keys = new IdempotencyKeys(mvStore, "", Duration.ofHours(24));
 * keys.put("alice", "order-42-shipped", 7, now);     // with message 7
 * long id = keys.knownId("alice", "order-42-shipped", now);   // 7 within 24 h, then 0
 * }</pre>
 */
final class IdempotencyKeys {

    /** Separates the parts of a key; stream names and idempotency keys carry no control characters. */
    private static final char SEPARATOR = '\0';
    /** Expired keys one send removes at most: more than one, so the index shrinks faster than it grows. */
    private static final int EXPIRE_PER_SEND = 4;

    /** {@code <stream>\0<idempotency key>} → {@code <id>:<sent at, epoch ms>}; past the maximum age it counts as absent. */
    private final MVMap<String, String> keys;
    /** {@code <sent at, epoch ms, 13 digits>\0<stream>\0<idempotency key>} → "": the keys oldest first. */
    private final MVMap<String, String> bySendTime;
    private final Duration maxAge;

    IdempotencyKeys(MVStore store, String mapPrefix, Duration maxAge) {
        this.keys = store.openMap(mapPrefix + "idempotency_keys");
        this.bySendTime = store.openMap(mapPrefix + "idempotency_expiry");
        this.maxAge = maxAge;
    }

    /** The id a live key names, or 0 when there is none or it is past the maximum age. */
    long knownId(String stream, String idempotencyKey, Instant now) {
        return liveId(keys.get(stream + SEPARATOR + idempotencyKey), now);
    }

    /** Records the key for message {@code id} sent {@code now}, and removes a few expired keys. */
    void put(String stream, String idempotencyKey, long id, Instant now) {
        String key = stream + SEPARATOR + idempotencyKey;
        keys.put(key, id + ":" + now.toEpochMilli());
        bySendTime.put(String.format("%013d", now.toEpochMilli()) + SEPARATOR + key, "");
        expire(now, EXPIRE_PER_SEND);
    }

    /** Removes every key past the maximum age, indexed or not (files written before the index). */
    void purge(Instant now) {
        expire(now, Integer.MAX_VALUE);
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, String> entry : keys.entrySet()) {
            if (liveId(entry.getValue(), now) == 0) {
                expired.add(entry.getKey());
            }
        }
        expired.forEach(keys::remove);
    }

    /** Removes up to {@code max} of the oldest indexed keys that are past the maximum age. */
    private void expire(Instant now, int max) {
        long cutoff = now.minus(maxAge).toEpochMilli();
        Iterator<String> oldest = bySendTime.keyIterator(null);
        List<String> done = new ArrayList<>();
        while (oldest.hasNext() && done.size() < max) {
            String entry = oldest.next();
            int separator = entry.indexOf(SEPARATOR);
            long sentAt = Long.parseLong(entry, 0, separator, 10);
            if (sentAt >= cutoff) {
                break;
            }
            done.add(entry);
            String key = entry.substring(separator + 1);
            String stored = keys.get(key);
            if (stored != null && stored.endsWith(":" + sentAt)) { // not re-used by a later send since
                keys.remove(key);
            }
        }
        done.forEach(bySendTime::remove);
    }

    private long liveId(String stored, Instant now) {
        if (stored == null) {
            return 0;
        }
        int colon = stored.indexOf(':');
        long sentAt = Long.parseLong(stored.substring(colon + 1));
        if (Instant.ofEpochMilli(sentAt).isBefore(now.minus(maxAge))) {
            return 0;
        }
        return Long.parseLong(stored.substring(0, colon));
    }
}

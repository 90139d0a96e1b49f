package io.appmessage.runtime.internal.outbox.embedded;

import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.spi.Epochs;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.spi.OutboxStore;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.appmessage.runtime.spi.ReadWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The outbox in one MVStore file, {@code <dataDir>/outbox.mv.db}: the default store, for one server node.
 *
 * <pre>{@code
 * try (EmbeddedOutboxStore store = EmbeddedOutboxStore.open(Path.of("appmessage-data"), OutboxSettings.defaults())) {
 *     long id = store.append("alice", "order_shipped", "{\"order\":42}").id();
 * }
 * }</pre>
 *
 * <p>Durability: an append returns only after its message was committed and forced to the disk
 * ({@code fsync}), so a message whose send returned survives {@code kill -9} and a power cut. Appends are
 * <em>group-committed</em>: concurrent senders' messages go to the disk together with one fsync (the first
 * sender to wait syncs everything appended so far; the others wait for it), so throughput grows with the
 * number of senders instead of being one fsync per send in series. A reader never sees a message before it
 * is durable: each user's readable last id only moves after the sync that covers it (a client could otherwise
 * acknowledge an id that a crash takes back and is then given to another message). See OUTBOX.md for
 * measured figures.
 *
 * <p>Only one process may open a data directory (MVStore locks the file); several nodes use the Redis
 * store.
 */
public final class EmbeddedOutboxStore implements OutboxStore {

    /** The file under the data directory. */
    public static final String FILE_NAME = "outbox.mv.db";

    /** Separates the user id from the id in a message key; user ids carry no control characters. */
    private static final char SEPARATOR = '\0';
    private static final String EPOCH = "epoch";
    private static final String FORMAT = "format";
    private static final String FORMAT_VERSION = "1";

    private final Path file;
    private final MVStore store;
    /** {@code <userId>\0<id, 19 digits>} → encoded message: sorted by user, then id. */
    private final MVMap<String, String> messages;
    /** userId → highest id ever given, kept after its message is trimmed (ids never go back). */
    private final MVMap<String, Long> lastIds;
    /**
     * {@code <userId>\0<idempotency key>} → {@code <id>:<sent at, epoch ms>}: written in the same commit as
     * its message, so a crash keeps both or neither; past the maximum age it counts as absent.
     */
    private final MVMap<String, String> idempotencyKeys;
    private final String epoch;
    private final OutboxSettings settings;
    /** Guards the maps' contents and the group-commit bookkeeping below; never held during an fsync. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Appends so far (under {@link #lock}); each append's number says which sync covers it. */
    private long appended;
    /** Appended but not yet synced, oldest first (under {@link #lock}). */
    private final ArrayDeque<Unsynced> unsynced = new ArrayDeque<>();
    /** Users with unsynced appends → {readable last id, unsynced count} (under {@link #lock}). */
    private final HashMap<String, long[]> readableLastIds = new HashMap<>();
    /** Group-commit coordination: who syncs, and how far the disk is known to be durable. */
    private final Object syncMonitor = new Object();
    private boolean syncing;
    private long synced;

    private record Unsynced(long number, String userId, long id) {
    }

    private EmbeddedOutboxStore(Path file, MVStore store, OutboxSettings settings) {
        this.file = file;
        this.store = store;
        this.settings = settings;
        this.messages = store.openMap("messages");
        this.lastIds = store.openMap("last_ids");
        this.idempotencyKeys = store.openMap("idempotency_keys");
        MVMap<String, String> meta = store.openMap("outbox_meta");
        String known = meta.get(EPOCH);
        if (known == null) {
            known = Epochs.next();
            meta.put(EPOCH, known);
            meta.put(FORMAT, FORMAT_VERSION);
            store.commit();
            store.sync();
        } else if (!FORMAT_VERSION.equals(meta.get(FORMAT))) {
            throw new OutboxUnavailableException("outbox file " + file + " has format " + meta.get(FORMAT)
                    + ", this AppMessage reads format " + FORMAT_VERSION + ": use a new data directory or the matching version");
        }
        this.epoch = known;
    }

    /**
     * Opens (or creates) the store under {@code dataDir}.
     *
     * @throws OutboxUnavailableException when the directory cannot be created or another process has the file
     *                                    open
     */
    public static EmbeddedOutboxStore open(Path dataDir, OutboxSettings settings) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(settings, "settings");
        Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new OutboxUnavailableException("cannot create the outbox data directory " + file.getParent()
                    + " (" + e + "): check the path and its permissions, or set another data directory", e);
        }
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).open();
        } catch (MVStoreException e) {
            throw new OutboxUnavailableException("cannot open the outbox file " + file + " (" + e.getMessage()
                    + "): is another AppMessage process using this data directory? Only one node may open it;"
                    + " several nodes share the Redis store instead", e);
        }
        try {
            return new EmbeddedOutboxStore(file, store, settings);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    @Override
    public OutboxMessage append(String userId, String key, String json) {
        return appendOnce(userId, key, json, null).message();
    }

    @Override
    public Appended append(String userId, String key, String json, String idempotencyKey) {
        return appendOnce(userId, key, json, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
    }

    /** Appends, or with a known {@code idempotencyKey} (null: none) answers the first send's id. */
    private Appended appendOnce(String userId, String key, String json, String idempotencyKey) {
        Instant now = settings.clock().instant();
        long id;
        long number;
        boolean repeated;
        lock.lock();
        try {
            String idemKey = idempotencyKey != null ? userId + SEPARATOR + idempotencyKey : null;
            long firstId = idemKey != null ? knownId(idempotencyKeys.get(idemKey), now) : 0;
            repeated = firstId > 0;
            if (repeated) {
                number = appended; // the first send may still await its sync: answer once it is durable
                id = firstId;
            } else {
                long previous = lastIds.getOrDefault(userId, 0L);
                id = previous + 1;
                messages.put(messageKey(userId, id), MessageCodec.encode(key, json, now));
                lastIds.put(userId, id);
                if (idemKey != null) {
                    idempotencyKeys.put(idemKey, id + ":" + now.toEpochMilli());
                }
                trimHead(userId, id, now);
                number = ++appended;
                unsynced.addLast(new Unsynced(number, userId, id));
                readableLastIds.computeIfAbsent(userId, u -> new long[] {previous, 0})[1]++;
            }
        } catch (MVStoreException | IllegalStateException e) {
            throw new OutboxUnavailableException("could not write the outbox file " + file + " (" + e.getMessage()
                    + "): check free disk space and permissions; the message was not stored", e);
        } finally {
            lock.unlock();
        }
        awaitDurable(number); // the send returns only after this: durable on kill -9 and power loss
        return new Appended(new OutboxMessage(id, key, json, now), repeated);
    }

    /** The id a stored idempotency key names, or 0 when there is none or it is past the maximum age. */
    private long knownId(String stored, Instant now) {
        if (stored == null) {
            return 0;
        }
        int colon = stored.indexOf(':');
        long sentAt = Long.parseLong(stored.substring(colon + 1));
        if (Instant.ofEpochMilli(sentAt).isBefore(now.minus(settings.maxAge()))) {
            return 0;
        }
        return Long.parseLong(stored.substring(0, colon));
    }

    /**
     * Returns once append {@code number} is on the disk. The first caller that finds no sync running
     * becomes the leader: it commits everything appended so far, fsyncs once, makes those messages
     * readable, and wakes the others; whoever was not covered leads the next round.
     */
    private void awaitDurable(long number) {
        synchronized (syncMonitor) {
            while (synced < number) {
                if (!syncing) {
                    syncing = true;
                    break;
                }
                try {
                    syncMonitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OutboxUnavailableException("interrupted while waiting for the outbox file " + file
                            + " to be synced: the message may or may not be stored", e);
                }
            }
            if (synced >= number) {
                return;
            }
        }
        long target = 0;
        try {
            lock.lock();
            try {
                target = appended; // every append up to here is fully in the maps
            } finally {
                lock.unlock();
            }
            // outside the lock, so senders keep appending meanwhile; appends after target that this
            // commit happens to include become readable with the next round, which is merely later
            store.commit();
            store.sync();
            lock.lock();
            try {
                makeReadable(target);
            } finally {
                lock.unlock();
            }
        } catch (MVStoreException | IllegalStateException e) {
            target = 0;
            throw new OutboxUnavailableException("could not write the outbox file " + file + " (" + e.getMessage()
                    + "): check free disk space and permissions; the message may not be stored (if the disk kept"
                    + " it anyway, it is delivered)", e);
        } finally {
            synchronized (syncMonitor) {
                syncing = false;
                synced = Math.max(synced, target);
                syncMonitor.notifyAll();
            }
        }
    }

    /** Under {@link #lock}: every append up to {@code target} is durable, so readers may see it. */
    private void makeReadable(long target) {
        while (!unsynced.isEmpty() && unsynced.peekFirst().number() <= target) {
            Unsynced done = unsynced.pollFirst();
            long[] user = readableLastIds.get(done.userId());
            user[0] = done.id();
            if (--user[1] == 0) {
                readableLastIds.remove(done.userId()); // nothing pending: the stored last id is the readable one
            }
        }
    }

    /** Under {@link #lock}: the user's last id a reader may see (durable), unsynced appends excluded. */
    private long readableLastId(String userId) {
        long[] pending = readableLastIds.get(userId);
        return pending != null ? pending[0] : lastIds.getOrDefault(userId, 0L);
    }

    @Override
    public Batch read(String userId, Cursor after, int limit) {
        ReadWindow.requireLimit(limit);
        Instant cutoff = settings.clock().instant().minus(settings.maxAge());
        lock.lock();
        try {
            long lastId = readableLastId(userId);
            ReadWindow window = ReadWindow.start(after, epoch, lastId, settings.newClientsGetHistory());
            List<OutboxMessage> fetched = new ArrayList<>();
            Iterator<Map.Entry<String, String>> entries = userEntriesFrom(userId, window.afterId() + 1);
            boolean skippingExpired = true;
            while (entries.hasNext() && fetched.size() <= limit) {
                Map.Entry<String, String> entry = entries.next();
                long id = idOf(entry.getKey());
                if (id > lastId) {
                    break; // appended but not durable yet: its sender is still waiting for the sync
                }
                OutboxMessage message = MessageCodec.decode(id, entry.getValue());
                if (skippingExpired && message.sentAt().isBefore(cutoff)) {
                    continue; // past its age: trimmed for readers, removed on the user's next send
                }
                skippingExpired = false;
                fetched.add(message);
            }
            return window.finish(epoch, lastId, fetched, limit);
        } catch (MVStoreException | IllegalStateException e) {
            throw new OutboxUnavailableException("could not read the outbox file " + file + " (" + e.getMessage()
                    + "): check the disk; the poll answers without targeted messages", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes every user's messages that are past the maximum age. Sends trim their own user; call this now
     * and then (say hourly) to reclaim the space of users nobody sends to any more.
     *
     * @return how many messages were removed
     */
    public int purgeExpired() {
        Instant now = settings.clock().instant();
        int removed = 0;
        lock.lock();
        try {
            for (Map.Entry<String, Long> user : lastIds.entrySet()) {
                removed += trimHead(user.getKey(), user.getValue(), now);
            }
            List<String> expiredKeys = new ArrayList<>();
            for (Map.Entry<String, String> idem : idempotencyKeys.entrySet()) {
                if (knownId(idem.getValue(), now) == 0) {
                    expiredKeys.add(idem.getKey());
                }
            }
            expiredKeys.forEach(idempotencyKeys::remove);
            if (!expiredKeys.isEmpty() && removed == 0) {
                store.commit();
                store.sync();
            }
            if (removed > 0) {
                store.commit();
                store.sync();
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String epoch() {
        return epoch;
    }

    /** Where the data lives. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!store.isClosed()) {
                store.close();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops the user's oldest messages while there are too many or they are too old; ids are dense. */
    private int trimHead(String userId, long lastId, Instant now) {
        Instant cutoff = now.minus(settings.maxAge());
        int removed = 0;
        Iterator<Map.Entry<String, String>> entries = userEntriesFrom(userId, 1);
        while (entries.hasNext()) {
            Map.Entry<String, String> oldest = entries.next();
            long oldestId = idOf(oldest.getKey());
            boolean tooMany = lastId - oldestId + 1 > settings.maxMessagesPerUser();
            if (!tooMany && !MessageCodec.sentAt(oldest.getValue()).isBefore(cutoff)) {
                break;
            }
            messages.remove(oldest.getKey());
            removed++;
        }
        return removed;
    }

    private Iterator<Map.Entry<String, String>> userEntriesFrom(String userId, long fromId) {
        String from = messageKey(userId, fromId);
        String to = userId + (char) (SEPARATOR + 1);
        return new Iterator<>() {
            private final org.h2.mvstore.Cursor<String, String> cursor = messages.cursor(from, to, false);

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

    private static String messageKey(String userId, long id) {
        return userId + SEPARATOR + String.format("%019d", id);
    }

    private static long idOf(String messageKey) {
        return Long.parseLong(messageKey.substring(messageKey.lastIndexOf(SEPARATOR) + 1));
    }
}

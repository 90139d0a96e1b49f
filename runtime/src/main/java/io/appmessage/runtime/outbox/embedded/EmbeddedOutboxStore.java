package io.appmessage.runtime.outbox.embedded;

import io.appmessage.runtime.outbox.Batch;
import io.appmessage.runtime.outbox.Cursor;
import io.appmessage.runtime.outbox.Epochs;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.OutboxStore;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.appmessage.runtime.outbox.ReadWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>Durability: each append is committed and then forced to the disk ({@code fsync}) before it returns,
 * so a message whose send returned survives {@code kill -9} and a power cut. Appends and reads share one
 * lock, so a reader never sees a message before it is durable (a client could otherwise acknowledge an id
 * that a crash takes back and is then given to another message). The price is one fsync per send, in
 * series; see OUTBOX.md for measured figures.
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
    private final String epoch;
    private final OutboxSettings settings;
    private final ReentrantLock lock = new ReentrantLock();

    private EmbeddedOutboxStore(Path file, MVStore store, OutboxSettings settings) {
        this.file = file;
        this.store = store;
        this.settings = settings;
        this.messages = store.openMap("messages");
        this.lastIds = store.openMap("last_ids");
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
        Instant now = settings.clock().instant();
        lock.lock();
        try {
            long id = lastIds.getOrDefault(userId, 0L) + 1;
            messages.put(messageKey(userId, id), MessageCodec.encode(key, json, now));
            lastIds.put(userId, id);
            trimHead(userId, id, now);
            store.commit();
            store.sync(); // the send returns only after this: durable on kill -9 and power loss
            return new OutboxMessage(id, key, json, now);
        } catch (MVStoreException | IllegalStateException e) {
            rollbackQuietly();
            throw new OutboxUnavailableException("could not write the outbox file " + file + " (" + e.getMessage()
                    + "): check free disk space and permissions; the message was not stored", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Batch read(String userId, Cursor after, int limit) {
        ReadWindow.requireLimit(limit);
        Instant cutoff = settings.clock().instant().minus(settings.maxAge());
        lock.lock();
        try {
            long lastId = lastIds.getOrDefault(userId, 0L);
            ReadWindow window = ReadWindow.start(after, epoch, lastId, settings.newClientsGetHistory());
            List<OutboxMessage> fetched = new ArrayList<>();
            Iterator<Map.Entry<String, String>> entries = userEntriesFrom(userId, window.afterId() + 1);
            boolean skippingExpired = true;
            while (entries.hasNext() && fetched.size() <= limit) {
                Map.Entry<String, String> entry = entries.next();
                OutboxMessage message = MessageCodec.decode(idOf(entry.getKey()), entry.getValue());
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

    private void rollbackQuietly() {
        try {
            store.rollback();
        } catch (RuntimeException ignored) {
            // the store is already broken; the caller gets the original failure
        }
    }
}

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
import java.util.List;
import java.util.Objects;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The outbox in one MVStore file, {@code <dataDir>/outbox.mv.db}: the default store, for one server node.
 * Users' streams and topics' streams are two {@link StreamTable}s in the same file, with one epoch.
 *
 * <pre>{@code
 * try (EmbeddedOutboxStore store = EmbeddedOutboxStore.open(Path.of("appmessage-data"), OutboxSettings.defaults())) {
 *     long id = store.append("alice", "order_shipped", "{\"order\":42}").id();
 *     long live = store.appendToTopic("live:42", "chat", "\"hi\"").id();
 * }
 * }</pre>
 *
 * <p>Durability: an append returns only after its message was committed and forced to the disk
 * ({@code fsync}), so a message whose send returned survives {@code kill -9} and a power cut. Appends are
 * group-committed ({@link GroupCommit}): concurrent senders' messages go to the disk with one fsync, so
 * throughput grows with the number of senders. A reader never sees a message before it is durable (a client
 * could otherwise acknowledge an id that a crash takes back and is then given to another message). See
 * OUTBOX.md for measured figures.
 *
 * <p>Only one process may open a data directory (MVStore locks the file); several nodes use the Redis
 * store.
 */
public final class EmbeddedOutboxStore implements OutboxStore {

    /** The file under the data directory. */
    public static final String FILE_NAME = "outbox.mv.db";

    private static final String EPOCH = "epoch";
    private static final String FORMAT = "format";
    private static final String FORMAT_VERSION = "1";

    /**
     * The page cache, in MB. H2's default is 16 MB; the outbox reads mostly the newest pages of each stream,
     * so a small cache serves the polls and keeps the heap flat however much history the file holds.
     */
    static final int CACHE_MB = 4;
    /**
     * How long a chunk that no longer holds live data stays before its space is reused, in ms. Every write
     * is ours and is forced to the disk right after its commit, so this only covers the gap between the
     * commit and its fsync; H2's default (45 s, for unsynced writes) keeps every chunk of the last 45 s.
     */
    static final int RETENTION_MS = 2_000;
    /** Every this many appends, one sender rewrites a little of the sparsest chunks (see {@link Compaction}). */
    static final int COMPACT_EVERY = 64;

    private final Path file;
    private final MVStore store;
    private final StreamTable users;
    private final StreamTable topics;
    private final GroupCommit commits;
    private final String epoch;
    private final OutboxSettings settings;
    private final Compaction compaction;

    private EmbeddedOutboxStore(Path file, MVStore store, OutboxSettings settings) {
        this.file = file;
        this.store = store;
        this.settings = settings;
        this.users = new StreamTable(store, "", settings.maxMessagesPerUser(), settings.maxAge());
        this.topics = new StreamTable(store, "topic_", settings.maxMessagesPerTopic(), settings.maxTopicAge());
        this.commits = new GroupCommit(store, file);
        this.compaction = new Compaction(store, COMPACT_EVERY);
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
        return open(dataDir, settings, RETENTION_MS);
    }

    /** {@link #open(Path, OutboxSettings)} with another chunk retention (tests: 0, so no chunk waits for time). */
    static EmbeddedOutboxStore open(Path dataDir, OutboxSettings settings, int retentionMs) {
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
            // no auto-commit: every write to the file is a commit of ours, forced to the disk right after,
            // which is what makes the short retention safe; compaction is ours too (Compaction)
            store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).autoCommitDisabled().open();
            store.setRetentionTime(retentionMs);
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
        return appendOnce(users, userId, key, json, null).message();
    }

    @Override
    public Appended append(String userId, String key, String json, String idempotencyKey) {
        return appendOnce(users, userId, key, json, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
    }

    @Override
    public OutboxMessage appendToTopic(String topic, String key, String json) {
        return appendOnce(topics, topic, key, json, null).message();
    }

    @Override
    public Appended appendToTopic(String topic, String key, String json, String idempotencyKey) {
        return appendOnce(topics, topic, key, json, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
    }

    /** Appends, or with a known {@code idempotencyKey} (null: none) answers the first send's id. */
    private Appended appendOnce(StreamTable table, String stream, String key, String json, String idempotencyKey) {
        Instant now = settings.clock().instant();
        long id;
        long number;
        boolean repeated;
        commits.lock.lock();
        try {
            long firstId = idempotencyKey != null ? table.knownId(stream, idempotencyKey, now) : 0;
            repeated = firstId > 0;
            if (repeated) {
                number = commits.latest(); // the first send may still await its sync: answer once it is durable
                id = firstId;
            } else {
                id = table.add(stream, key, json, idempotencyKey, now);
                number = commits.register(table, stream, id);
            }
        } catch (MVStoreException | IllegalStateException e) {
            throw new OutboxUnavailableException("could not write the outbox file " + file + " (" + e.getMessage()
                    + "): check free disk space and permissions; the message was not stored", e);
        } finally {
            commits.lock.unlock();
        }
        commits.awaitDurable(number); // the send returns only after this: durable on kill -9 and power loss
        if (!repeated && compaction.due()) {
            compact(Compaction.STEP_BYTES);
        }
        return new Appended(new OutboxMessage(id, key, json, now), repeated);
    }

    @Override
    public Batch read(String userId, Cursor after, int limit) {
        return read(users, userId, after, limit);
    }

    @Override
    public Batch readTopic(String topic, Cursor after, int limit) {
        return read(topics, topic, after, limit);
    }

    private Batch read(StreamTable table, String stream, Cursor after, int limit) {
        ReadWindow.requireLimit(limit);
        Instant now = settings.clock().instant();
        commits.lock.lock();
        try {
            long lastId = table.readableLastId(stream);
            ReadWindow window = ReadWindow.start(after, epoch, lastId, settings.newClientsGetHistory());
            List<OutboxMessage> fetched = table.fetch(stream, window.afterId(), lastId, limit + 1, now);
            return window.finish(epoch, lastId, fetched, limit);
        } catch (MVStoreException | IllegalStateException e) {
            throw new OutboxUnavailableException("could not read the outbox file " + file + " (" + e.getMessage()
                    + "): check the disk; the poll answers without targeted messages", e);
        } finally {
            commits.lock.unlock();
        }
    }

    /**
     * Removes every user's and topic's messages that are past their maximum age. Sends trim their own
     * stream; call this now and then (say hourly) to reclaim the space of streams nobody sends to any more.
     *
     * @return how many messages were removed
     */
    public int purgeExpired() {
        Instant now = settings.clock().instant();
        commits.lock.lock();
        try {
            int removed = users.purgeExpired(now) + topics.purgeExpired(now);
            compaction.run(Compaction.PURGE_BYTES);
            if (store.hasUnsavedChanges()) {
                store.commit();
                store.sync();
            }
            return removed;
        } finally {
            commits.lock.unlock();
        }
    }

    /** Under the lock (readers never walk pages that compaction is moving); the next commit writes the result. */
    private void compact(int bytes) {
        commits.lock.lock();
        try {
            compaction.run(bytes);
        } catch (MVStoreException | IllegalStateException e) {
            // the send is durable already; compaction retries with a later append
        } finally {
            commits.lock.unlock();
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
        commits.lock.lock();
        try {
            if (!store.isClosed()) {
                store.close();
            }
        } finally {
            commits.lock.unlock();
        }
    }
}

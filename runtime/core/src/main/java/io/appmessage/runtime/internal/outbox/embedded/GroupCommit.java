package io.appmessage.runtime.internal.outbox.embedded;

import io.appmessage.runtime.outbox.OutboxUnavailableException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Group commit for the embedded store: an append returns only after its message was committed and forced to
 * the disk, and concurrent senders share one fsync. The first sender to wait becomes the leader: it commits
 * everything appended so far, fsyncs once, makes those messages readable and wakes the others; whoever was
 * not covered leads the next round. The {@link #lock} guards the maps and this bookkeeping and is never held
 * during an fsync.
 *
 * <pre>{@code
 * groupCommit.lock.lock();
 * try { id = users.add(...); number = groupCommit.register(users, "alice", id); } finally { groupCommit.lock.unlock(); }
 * groupCommit.awaitDurable(number);   // returns once the message is on the disk
 * }</pre>
 */
final class GroupCommit {

    /** Guards the stream tables and the bookkeeping below. */
    final ReentrantLock lock = new ReentrantLock();
    private final MVStore store;
    private final Path file;
    /** Appends so far (under {@link #lock}); each append's number says which sync covers it. */
    private long appended;
    /** Appended but not yet synced, oldest first (under {@link #lock}). */
    private final ArrayDeque<Unsynced> unsynced = new ArrayDeque<>();
    /** Who syncs, and how far the disk is known to be durable. */
    private final Object syncMonitor = new Object();
    private boolean syncing;
    private long synced;

    private record Unsynced(long number, StreamTable table, String stream, long id) {
    }

    GroupCommit(MVStore store, Path file) {
        this.store = store;
        this.file = file;
    }

    /** Under {@link #lock}: records an append; its number is what {@link #awaitDurable} waits for. */
    long register(StreamTable table, String stream, long id) {
        long number = ++appended;
        unsynced.addLast(new Unsynced(number, table, stream, id));
        return number;
    }

    /** Under {@link #lock}: the number of the latest append (a repeat waits for it, its first send may be unsynced). */
    long latest() {
        return appended;
    }

    /** Returns once append {@code number} is on the disk. */
    void awaitDurable(long number) {
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

    private void makeReadable(long target) {
        while (!unsynced.isEmpty() && unsynced.peekFirst().number() <= target) {
            Unsynced done = unsynced.pollFirst();
            done.table().durable(done.stream(), done.id());
        }
    }
}

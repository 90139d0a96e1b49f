package io.appmessage.runtime.internal.outbox.embedded;

import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * Keeps the outbox file's chunks few: every commit writes a new chunk, and a chunk stays while one of its
 * pages is live, so without rewriting the chunk count (and the store's per-chunk bookkeeping on the heap)
 * would grow with the data. Now and then a little of the sparsest chunks' live data is rewritten into the
 * next commit, after which the old chunks are free. The store's auto-compaction runs on its background
 * writer, which the outbox turns off (its writes would not be forced to the disk).
 *
 * <pre>{@code
 * Compaction compaction = new Compaction(mvStore, 256);
 * if (compaction.due()) { lock(); try { compaction.run(Compaction.STEP_BYTES); } finally { unlock(); } }
 * }</pre>
 */
final class Compaction {

    /** Below this share of live data in the chunks, in percent, compaction rewrites. */
    static final int FILL_RATE = 80;
    /** How much live data one step rewrites at most: small, a sender pays for it. */
    static final int STEP_BYTES = 256 * 1024;
    /** How much a purge rewrites: it removed many messages at once. */
    static final int PURGE_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    private final int every;
    private final AtomicLong appends = new AtomicLong();

    Compaction(MVStore store, int every) {
        this.store = store;
        this.every = every;
    }

    /** Counts an append; true for every {@code every}-th, whose sender then runs a step. */
    boolean due() {
        return appends.incrementAndGet() % every == 0;
    }

    /** Rewrites up to about {@code bytes} of the sparsest chunks when the chunks are less full than {@link #FILL_RATE}. */
    void run(int bytes) {
        store.compact(FILL_RATE, bytes);
    }
}

package io.appmessage.runtime.spi;

import java.util.List;
import io.appmessage.runtime.outbox.OutboxMessage;

/**
 * The cursor rules of a read, shared by every {@link OutboxStore} so that both stores answer the same
 * cursor the same way. A store calls {@link #start} with its epoch and the
 * user's last id, fetches up to {@code limit + 1} retained messages with an id above {@link #afterId()}
 * (skipping leading messages older than the maximum age), then calls {@link #finish} — all on one consistent
 * view of the user's messages.
 *
 * <pre>{@code
 * ReadWindow window = ReadWindow.start(cursor, epoch, lastId, settings.newClientsGetHistory());
 * List<OutboxMessage> fetched = fetchAfter(userId, window.afterId(), limit + 1);
 * return window.finish(epoch, lastId, fetched, limit);
 * }</pre>
 *
 * <p>Why ids must be dense: because they increase by exactly one per user, a first fetched id above
 * {@code afterId + 1} proves that messages after the cursor were trimmed, with no extra bookkeeping.
 */
public final class ReadWindow {

    /** Largest page a read may ask for: a poll answer should stay small. */
    public static final int MAX_LIMIT = 10_000;

    private final long afterId;
    private final boolean cursorKnown;
    private final boolean gapMatters;

    private ReadWindow(long afterId, boolean cursorKnown, boolean gapMatters) {
        this.afterId = afterId;
        this.cursorKnown = cursorKnown;
        this.gapMatters = gapMatters;
    }

    /**
     * Decides where a read starts.
     *
     * @param cursor the client's cursor, {@code null} for a new client
     * @param epoch  the store's epoch
     * @param lastId the highest id ever given to this user (0 for none), trimmed messages included
     */
    public static ReadWindow start(Cursor cursor, String epoch, long lastId, boolean newClientsGetHistory) {
        if (cursor == null) {
            return new ReadWindow(newClientsGetHistory ? 0 : lastId, true, false);
        }
        if (!cursor.epoch().equals(epoch) || cursor.lastId() > lastId) {
            // issued by another store (reset, other data), or ahead of what this store ever gave out
            return new ReadWindow(0, false, false);
        }
        return new ReadWindow(cursor.lastId(), true, true);
    }

    /** Fetch messages with an id above this; 0 = from the oldest retained message. */
    public long afterId() {
        return afterId;
    }

    /**
     * Builds the answer.
     *
     * @param fetched retained messages above {@link #afterId()}, oldest first, up to {@code limit + 1}
     */
    public Batch finish(String epoch, long lastId, List<OutboxMessage> fetched, int limit) {
        boolean recovered = cursorKnown;
        if (gapMatters) {
            boolean trimmedAfterCursor = fetched.isEmpty()
                    ? lastId > afterId
                    : fetched.get(0).id() > afterId + 1;
            recovered = !trimmedAfterCursor;
        }
        List<OutboxMessage> page = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
        long next = page.isEmpty() ? lastId : page.get(page.size() - 1).id();
        return new Batch(page, fetched.size() > limit, new Cursor(epoch, next), recovered);
    }

    /** Checks a read's limit: 1 to {@link #MAX_LIMIT}. */
    public static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a read's limit is 1 to " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }
}

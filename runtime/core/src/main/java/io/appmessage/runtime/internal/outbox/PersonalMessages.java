package io.appmessage.runtime.internal.outbox;

import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.spi.MessageSignal;
import io.appmessage.runtime.spi.OutboxStore;

/**
 * The personal half of an outbox: checks a send's input, stores it in the user's stream, then wakes that
 * user's waiting polls on every node; and reads a user's messages for the poll path.
 *
 * <pre>{@code
 * PersonalMessages personal = new PersonalMessages(store, signal, reporter, 65_536);
 * long id = personal.send("alice", "order_shipped", "{\"order\":42}", null);
 * }</pre>
 */
public final class PersonalMessages {

    private final OutboxStore store;
    private final MessageSignal signal;
    private final SendReporter reporter;
    private final int maxJsonChars;

    public PersonalMessages(OutboxStore store, MessageSignal signal, SendReporter reporter, int maxJsonChars) {
        this.store = store;
        this.signal = signal;
        this.reporter = reporter;
        this.maxJsonChars = maxJsonChars;
    }

    /** Stores and wakes; with an {@code idempotencyKey} (null: none) a repeat stores nothing and wakes nobody. */
    public long send(String userId, String key, String json, String idempotencyKey) {
        OutboxInput.requireUserId(userId);
        return StreamWrites.send(key, json, idempotencyKey, maxJsonChars, reporter,
                (k, j, idempotency) -> idempotency == null ? new OutboxStore.Appended(store.append(userId, k, j), false)
                        : store.append(userId, k, j, idempotency),
                () -> signal.notifyUser(userId), "user");
    }

    /** The user's messages after the cursor text the client sent (null or blank: none; malformed: unknown). */
    public Batch read(String userId, String cursorText, int limit) {
        OutboxInput.requireUserId(userId);
        Cursor cursor = cursorText == null || cursorText.isBlank() ? null
                : Cursor.tryParse(cursorText.strip()).orElse(Cursor.UNRECOGNIZED);
        return StreamWrites.read(reporter, () -> store.read(userId, cursor, limit));
    }
}

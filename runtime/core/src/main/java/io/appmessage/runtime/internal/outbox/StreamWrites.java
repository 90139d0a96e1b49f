package io.appmessage.runtime.internal.outbox;

import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.OutboxStore;

import java.util.function.Supplier;

/**
 * What a send to any stream (a user's, a topic's) does around the store: checks the key, the JSON and the
 * idempotency key, stores once, reports the outcome, and wakes the stream's waiting polls only for a message
 * stored now (a repeat of an idempotency key wakes nobody). A failed wake loses nothing: the message is stored,
 * and the next poll carries it.
 */
final class StreamWrites {

    /** The store's append for one stream; {@code idempotencyKey} is null for a send without one. */
    interface Append {
        OutboxStore.Appended append(String key, String json, String idempotencyKey);
    }

    private StreamWrites() {
    }

    static long send(String key, String json, String idempotencyKey, int maxJsonChars, SendReporter reporter,
                     Append append, Runnable wake, String streamKind) {
        OutboxInput.requireKey(key);
        OutboxInput.requireJson(json, maxJsonChars);
        if (idempotencyKey != null) {
            OutboxInput.requireIdempotencyKey(idempotencyKey);
        }
        OutboxStore.Appended appended;
        try {
            appended = append.append(key, json, idempotencyKey);
        } catch (OutboxUnavailableException e) {
            reporter.sendFailed(key, e);
            throw e;
        }
        long id = appended.message().id();
        if (appended.repeated()) {
            reporter.storeAnswered();
            return id;
        }
        reporter.sent(key);
        try {
            wake.run();
        } catch (RuntimeException e) {
            reporter.wakeFailed(streamKind, id, e);
        }
        return id;
    }

    /** A read for the poll path, reported as the store answering or failing. */
    static Batch read(SendReporter reporter, Supplier<Batch> read) {
        Batch batch;
        try {
            batch = read.get();
        } catch (OutboxUnavailableException e) {
            reporter.storeFailed();
            throw e;
        }
        reporter.storeAnswered();
        return batch;
    }
}

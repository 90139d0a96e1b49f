package io.appmessage.runtime.spi;

import java.util.List;
import java.util.Objects;
import io.appmessage.runtime.outbox.OutboxMessage;

/**
 * What one read of a user's messages answers: the poll puts {@code messages}, {@code cursor} and (when false)
 * {@code "recovered":false} into the envelope.
 *
 * <pre>{@code
 * Batch batch = outbox.read(userId, request.queryParameter("cursor"), 100);
 * if (!batch.recovered()) { ... "recovered":false: the app should refresh, messages were missed ... }
 * }</pre>
 *
 * @param messages  oldest first, all after the cursor, at most the limit asked for
 * @param hasMore   true when more messages wait after these (the client gets them on its next poll)
 * @param cursor    the cursor the client sends next: it acknowledges every message in this batch
 * @param recovered false when the cursor sent was unknown (other epoch, malformed, ahead of the store) or
 *                  messages after it were trimmed: the batch then starts at the oldest retained message
 */
public record Batch(List<OutboxMessage> messages, boolean hasMore, Cursor cursor, boolean recovered) {
    public Batch {
        messages = List.copyOf(messages);
        Objects.requireNonNull(cursor, "cursor");
    }
}

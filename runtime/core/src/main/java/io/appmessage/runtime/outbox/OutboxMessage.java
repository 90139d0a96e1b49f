package io.appmessage.runtime.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored targeted message, as a poll hands it to the client:
 * {@code {"id":7,"key":"order_shipped","data":<json>,"sent_at":…}}.
 *
 * <pre>{@code
 * OutboxMessage m = batch.messages().get(0);
 * sink.name("data"); writeRaw(m.json());   // json is already serialized: the store never parses it
 * }</pre>
 *
 * @param id     increases by one per user with every send (1, 2, 3, …); the client drops repeats by it
 * @param key    the message key, same rule as handler keys (letters, digits, {@code _ . -}, at most 64)
 * @param json   the data, pre-serialized JSON (one value), written into the envelope as it is
 * @param sentAt when the store accepted the message
 */
public record OutboxMessage(long id, String key, String json, Instant sentAt) {
    public OutboxMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(sentAt, "sentAt");
        if (id < 1) {
            throw new IllegalArgumentException("message ids start at 1, got " + id);
        }
    }
}

package io.appmessage.runtime.internal.outbox.embedded;

import io.appmessage.runtime.outbox.OutboxMessage;
import java.time.Instant;

/**
 * A stored message as one string, {@code <sentAtMillis>\n<key>\n<json>}: keys and times carry no newline, the
 * JSON may, so it goes last and is taken whole.
 */
final class MessageCodec {
    private MessageCodec() {
    }

    static String encode(String key, String json, Instant sentAt) {
        return sentAt.toEpochMilli() + "\n" + key + "\n" + json;
    }

    static OutboxMessage decode(long id, String stored) {
        int first = stored.indexOf('\n');
        int second = stored.indexOf('\n', first + 1);
        return new OutboxMessage(id, stored.substring(first + 1, second), stored.substring(second + 1),
                Instant.ofEpochMilli(Long.parseLong(stored, 0, first, 10)));
    }

    static Instant sentAt(String stored) {
        return Instant.ofEpochMilli(Long.parseLong(stored, 0, stored.indexOf('\n'), 10));
    }
}

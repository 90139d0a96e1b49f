package io.appmessage.runtime.internal.server;

import io.appmessage.runtime.internal.json.EnvelopeWriter;

/** The outbox's serializer when the server gives it one: the push writers, with a send-time error that names the type. */
final class OutboxSerializer {

    private OutboxSerializer() {
    }

    static String serialize(EnvelopeWriter envelopes, Object value) {
        try {
            return envelopes.json(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("message data of type "
                    + (value == null ? "null" : value.getClass().getName()) + " cannot be written as JSON ("
                    + e.getMessage() + "): send Strings, numbers, booleans, Map<String,?>, Iterable, arrays,"
                    + " Optional, enums, or records compiled with the AppMessage processor; nothing was stored", e);
        }
    }
}

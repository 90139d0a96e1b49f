package io.appmessage.runtime.outbox;

import java.util.Objects;
import java.util.function.Function;

/**
 * What turns the data of {@code send(userId, key, Object)} into JSON: set on the outbox's builder, or
 * later, once, by the poll server the outbox is given to (its writers); read on every send.
 */
final class OutboxSerializer {

    private volatile Function<Object, String> serializer;

    OutboxSerializer(Function<Object, String> serializer) {
        this.serializer = serializer;
    }

    String serialize(Object data) {
        Function<Object, String> current = serializer;
        if (current == null) {
            throw new IllegalStateException("this outbox has no JSON serializer: give it to the poll server"
                    + " (AppMessageServer.builder().outbox(outbox)), build it with"
                    + " AppMessageOutbox.builder(store).jsonSerializer(...), or call sendJson with serialized JSON");
        }
        return current.apply(data);
    }

    /** Takes {@code candidate} unless a serializer is set; true when taken. */
    synchronized boolean useIfNone(Function<Object, String> candidate) {
        Objects.requireNonNull(candidate, "serializer");
        if (serializer != null) {
            return false;
        }
        serializer = candidate;
        return true;
    }
}

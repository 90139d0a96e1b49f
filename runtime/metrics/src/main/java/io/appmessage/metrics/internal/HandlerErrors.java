package io.appmessage.metrics.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The last failure of each handler, for the console's handler table: one line, never a stack trace.
 * Written only when a handler fails; bounded by the handlers of the build (ids fixed at compile time).
 */
public final class HandlerErrors {

    /** Longer messages are cut here and end with an ellipsis. */
    static final int MAX_LENGTH = 300;

    /** A handler's last failure: what it said and when (epoch ms). */
    public record LastError(String message, long atMillis) {
    }

    private final ConcurrentHashMap<String, LastError> last = new ConcurrentHashMap<>();

    void failed(String handlerId, String message) {
        last.put(handlerId, new LastError(oneLine(message), System.currentTimeMillis()));
    }

    /** The handler's last failure, or {@code null} when it has not failed. */
    public LastError last(String handlerId) {
        return last.get(handlerId);
    }

    /** The first line of {@code message}, at most {@link #MAX_LENGTH} characters. */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip();
        int end = line.indexOf('\n');
        if (end >= 0) {
            line = line.substring(0, end).stripTrailing();
        }
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}

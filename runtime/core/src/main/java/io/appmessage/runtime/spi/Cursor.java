package io.appmessage.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a client is in its user's message stream: the store's epoch and the last message id the client
 * has seen. On the wire it is one opaque string, {@code <epoch>-<lastId>} (e.g.
 * {@code 9f0c2a6e1b7d4c3a8e5f0a1b2c3d4e5f-42}); clients store it and send it back unchanged.
 *
 * <pre>{@code
 * Cursor c = Cursor.parse(request.queryParameter("cursor"));
 * String next = batch.cursor().format();
 * }</pre>
 *
 * <p>The epoch is why a cursor can be judged at all: a store that was reset (new data directory, flushed
 * Redis) has a new epoch, so an old cursor is recognised as unknown and answered with
 * {@code "recovered":false} instead of silently skipping or repeating messages.
 *
 * @param epoch  the store epoch the cursor was issued by: 1 to 64 letters or digits
 * @param lastId the last message id the client has seen, 0 when it has seen none
 */
public record Cursor(String epoch, long lastId) {

    /** Longest epoch: 64 letters or digits. */
    private static final int MAX_EPOCH_LENGTH = 64;

    /**
     * Stands for a cursor the client sent but nobody issued (malformed text). Its epoch is no hex string, so it
     * never equals a store's epoch: reading with it answers from the oldest retained message with
     * {@code recovered=false}, exactly like a cursor of a store that was reset.
     */
    public static final Cursor UNRECOGNIZED = new Cursor("unrecognized", 0);

    public Cursor {
        Objects.requireNonNull(epoch, "epoch");
        if (!isEpoch(epoch)) {
            throw new IllegalArgumentException("a cursor epoch is 1 to 64 letters or digits, got \"" + epoch + "\"");
        }
        if (lastId < 0) {
            throw new IllegalArgumentException("a cursor's last id is 0 or more, got " + lastId);
        }
    }

    /** The wire form, {@code <epoch>-<lastId>}. */
    public String format() {
        return epoch + "-" + lastId;
    }

    @Override
    public String toString() {
        return format();
    }

    /**
     * Reads the wire form.
     *
     * @throws IllegalArgumentException naming the expected form when {@code text} is not one
     */
    public static Cursor parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "a cursor looks like <epoch>-<lastId> (e.g. 9f0c2a6e-42), got \"" + shorten(text) + "\""));
    }

    /** Reads the wire form; empty when {@code text} is null or not a cursor. */
    public static Optional<Cursor> tryParse(String text) {
        if (text == null || text.length() > 128) {
            return Optional.empty();
        }
        int dash = text.lastIndexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            return Optional.empty();
        }
        String epoch = text.substring(0, dash);
        String id = text.substring(dash + 1);
        if (!isEpoch(epoch) || id.length() > 19 || !isDigits(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Cursor(epoch, Long.parseLong(id)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * 1 to 64 ASCII letters or digits. A loop, not a regular expression: a cursor is made and checked for
     * every answered poll of a signed-in user, where a matcher per poll cost more than the read itself.
     */
    private static boolean isEpoch(String text) {
        int n = text.length();
        if (n == 0 || n > MAX_EPOCH_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /** Only ASCII digits (the empty text too: the caller rules it out). */
    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}

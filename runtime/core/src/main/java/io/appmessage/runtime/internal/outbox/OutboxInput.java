package io.appmessage.runtime.internal.outbox;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The rules a send's input must meet, checked before anything is stored: a bad send fails at once with a
 * message that says what is wrong, instead of poisoning every later poll of that user.
 *
 * <pre>{@code
 * OutboxInput.requireKey("order_shipped");     // ok
 * OutboxInput.requireKey("order shipped");     // IllegalArgumentException naming the rule
 * }</pre>
 */
public final class OutboxInput {

    /** Longest user id: ids are stored in keys and file names, they need a bound. */
    public static final int MAX_USER_ID_LENGTH = 128;

    /**
     * Checks form only: the text is already bounded by {@code maxChars}, so a number of any length is let
     * through (jackson-core's default 1,000-digit cap would refuse, as "not valid JSON", what the push
     * writers write for a large BigInteger or BigDecimal).
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
            .build();

    private OutboxInput() {
    }

    /** 1 to 128 characters, no control characters (the embedded store separates ids with one). */
    public static String requireUserId(String userId) {
        if (userId == null || userId.isEmpty() || userId.length() > MAX_USER_ID_LENGTH
                || userId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a user id is 1 to " + MAX_USER_ID_LENGTH
                    + " characters without control characters, got " + describe(userId));
        }
        return userId;
    }

    /** Longest idempotency key: stored next to each message, it needs a bound. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;

    /** 1 to 128 characters, no control characters (the embedded store separates parts with one). */
    public static String requireIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || idempotencyKey.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an idempotency key is 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters without control characters, got " + describe(idempotencyKey));
        }
        return idempotencyKey;
    }

    /** Letters, digits, {@code _}, {@code .}, {@code -}; 1 to 64 characters (the handler-key rule). */
    public static String requireKey(String key) {
        if (!io.appmessage.spi.MessageKeys.isValid(key)) {
            throw new IllegalArgumentException("a message key is 1 to " + io.appmessage.spi.MessageKeys.MAX_LENGTH
                    + " letters, digits, '_', '.' or '-', got " + describe(key));
        }
        return key;
    }

    /**
     * Exactly one JSON value of at most {@code maxChars} characters. The store embeds it in every answer as
     * it is, so malformed JSON here would break the envelope of each later poll of the user.
     */
    public static String requireJson(String json, int maxChars) {
        if (json == null) {
            throw new IllegalArgumentException("message data must be JSON text, got null (send \"null\" for a JSON null)");
        }
        if (json.length() > maxChars) {
            throw new IllegalArgumentException("message data is " + json.length() + " characters, more than the "
                    + maxChars + " allowed (OutboxSettings.maxJsonChars): send an id and let a handler serve the rest");
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("message data must be one JSON value, got empty text");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("message data must be one JSON value, got more after it: "
                        + describe(json));
            }
        } catch (JacksonException malformed) {
            throw new IllegalArgumentException("message data is not valid JSON (" + malformed.getOriginalMessage()
                    + "): " + describe(json), malformed);
        }
        return json;
    }

    private static String describe(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() <= 80 ? value : value.substring(0, 80) + "…";
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}

package io.appmessage.runtime.internal.outbox;

/**
 * The topic name rule, one for publishing and subscribing: 1 to 128 ASCII letters, digits, {@code _},
 * {@code .}, {@code -} and {@code :} ({@code live:42}, {@code order:A-1001}, {@code all}). No braces, commas,
 * spaces or {@code ~}/{@code !}: a topic list is comma-separated, the poll cursor separates topics with
 * {@code ~} and {@code !}, and Redis keys put the name inside a hash tag.
 *
 * <pre>{@code
 * TopicNames.require("live:42");     // ok
 * TopicNames.require("live 42");     // IllegalArgumentException naming the rule
 * }</pre>
 */
public final class TopicNames {

    /** Longest topic name. */
    public static final int MAX_LENGTH = 128;

    /** The rule in words, for error messages. */
    public static final String RULE = "a topic name is 1 to " + MAX_LENGTH
            + " ASCII letters, digits, '_', '.', '-' or ':' (e.g. live:42)";

    private TopicNames() {
    }

    /** True when {@code topic} follows the rule. */
    public static boolean isValid(String topic) {
        if (topic == null || topic.isEmpty() || topic.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code topic} when it follows the rule, else throws naming the rule. */
    public static String require(String topic) {
        if (!isValid(topic)) {
            String shown = topic == null ? "null" : "\"" + (topic.length() <= 80 ? topic : topic.substring(0, 80) + "…") + "\"";
            throw new IllegalArgumentException(RULE + ", got " + shown);
        }
        return topic;
    }
}

package io.appmessage.spi;

/**
 * The one rule for a key, used everywhere a key is given: {@code @OnAppMessageRequest("…")} at compile time,
 * {@link io.appmessage.AppMessage#push} on every poll, and a targeted message's key when it is sent. A key has
 * 1 to {@value #MAX_LENGTH} characters, each an ASCII letter, digit, {@code _}, {@code .} or {@code -}, so it
 * is safe as a JSON member name, a log field and a storage key, and reads the same on every client.
 *
 * <pre>{@code
 * MessageKeys.isValid("order_status");   // true
 * MessageKeys.isValid("order status!");  // false: a space and '!'
 * }</pre>
 */
public final class MessageKeys {

    /** The longest key. */
    public static final int MAX_LENGTH = 64;

    /** The rule in words, for error messages. */
    public static final String RULE = "1 to 64 characters, each a letter, digit, '_', '.' or '-'";

    private MessageKeys() {
    }

    /** Whether {@code key} follows the rule; {@code false} for {@code null}. */
    public static boolean isValid(CharSequence key) {
        if (key == null) {
            return false;
        }
        int length = key.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}

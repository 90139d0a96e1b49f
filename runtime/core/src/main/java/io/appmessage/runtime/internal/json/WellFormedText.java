package io.appmessage.runtime.internal.json;

/**
 * Text as JSON readers can take it: a lone surrogate (half of a UTF-16 pair, not a character) becomes
 * U+FFFD, as a UTF-8 encoder writes it. Written as a JSON escape (U+D800 alone) it is refused by strict
 * readers (jackson-core refuses it in a property name, so such an envelope or stored message could not be
 * read back). Text without one — valid pairs such as emoji included — is returned as it is, uncopied.
 *
 * <pre>{@code
 * WellFormedText.of(text); // text, or a copy with U+FFFD for each lone surrogate
 * }</pre>
 */
final class WellFormedText {

    private static final char REPLACEMENT = '\uFFFD';

    private WellFormedText() {
    }

    static String of(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one character
                } else {
                    return repaired(text, i);
                }
            }
        }
        return text;
    }

    /** One char as text: a surrogate alone is never a character. */
    static String of(char c) {
        return Character.isSurrogate(c) ? String.valueOf(REPLACEMENT) : String.valueOf(c);
    }

    private static String repaired(String text, int firstLone) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n).append(text, 0, firstLone);
        for (int i = firstLone; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }
}

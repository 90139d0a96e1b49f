package io.appmessage.runtime.internal.http;

import java.nio.ByteBuffer;

/**
 * What is wrong with the query of a request line, in the words of the poll path's own 400 answers, for the
 * requests Undertow's parser refuses before any handler runs: a {@code %} not followed by two hex digits, or a
 * character that must be percent-encoded. Reads the bytes as they arrived; names the parameter at fault.
 */
final class RequestLineProblem {

    static final String BAD_ESCAPE = "malformed query string: '%' must be followed by two hex digits";
    static final String UNENCODED = "malformed query string: a quote, '<', '>', '\\', '^', '`', '{', '|',"
            + " '}', a control character or a non-ASCII byte must be percent-encoded";
    /** Longest parameter name quoted in a message. */
    private static final int NAME_LIMIT = 40;

    /** The bytes a query may hold as they are: no end of the target, no separator, no escape, nothing to encode. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            PLAIN[b] = b != ' ' && b != '\r' && b != '\n' && b != '#' && b != '&' && b != '%' && !mustBeEncoded(b);
        }
    }

    private RequestLineProblem() {
    }

    /**
     * The problem of the request line that starts at {@code from} in {@code bytes} (up to {@code to}), or null
     * when the bytes do not start a request line or its query holds none of the two faults.
     */
    static String of(ByteBuffer bytes, int from, int to) {
        int i = from;
        while (i < to && bytes.get(i) >= 'A' && bytes.get(i) <= 'Z') {
            i++;
        }
        if (i == from || i >= to || bytes.get(i) != ' ') {
            return null;
        }
        int query = -1;
        for (i++; i < to; i++) {
            byte b = bytes.get(i);
            if (b == '?') {
                query = i + 1;
                break;
            }
            if (b == ' ' || b == '\r' || b == '\n') {
                return null;
            }
        }
        return query < 0 ? null : queryProblem(bytes, query, to);
    }

    private static String queryProblem(ByteBuffer bytes, int from, int to) {
        int pieceStart = from;
        for (int i = from; i < to; i++) {
            int b = bytes.get(i) & 0xFF;
            if (PLAIN[b]) {
                continue; // most bytes of a query: one look-up instead of the tests below
            }
            if (b == ' ' || b == '\r' || b == '\n' || b == '#') {
                return null; // the end of the target: nothing wrong in it
            }
            if (b == '&') {
                pieceStart = i + 1;
            } else if (b == '%') {
                if (i + 2 < to && !(hex(bytes.get(i + 1)) && hex(bytes.get(i + 2)))) {
                    return BAD_ESCAPE + parameter(bytes, pieceStart, i);
                }
            } else if (mustBeEncoded(b)) {
                return UNENCODED + parameter(bytes, pieceStart, i);
            }
        }
        return null;
    }

    /** " (parameter 'cursor')": the name of the piece the fault is in, shown as printable ASCII. */
    private static String parameter(ByteBuffer bytes, int pieceStart, int fault) {
        StringBuilder name = new StringBuilder();
        for (int i = pieceStart; i < fault && bytes.get(i) != '='; i++) {
            int b = bytes.get(i) & 0xFF;
            name.append(b > 0x20 && b < 0x7F && b != '\'' && b != '"' && b != '\\' ? (char) b : '?');
        }
        if (name.length() > NAME_LIMIT) {
            name.setLength(NAME_LIMIT);
            name.append('…');
        }
        return " (parameter '" + name + "')";
    }

    private static boolean hex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static boolean mustBeEncoded(int b) {
        return b < 0x21 || b > 0x7E || b == '"' || b == '<' || b == '>' || b == '\\' || b == '^' || b == '`'
                || b == '{' || b == '|' || b == '}';
    }
}

package io.appmessage.benchmarks.load;

import java.nio.charset.StandardCharsets;

/**
 * Where one HTTP/1.1 answer ends in the bytes read so far, for the raw-NIO load clients: after its headers and
 * {@code Content-Length} bytes, after the last chunk of a chunked body, or right after the headers when there
 * is no body. Answers are read from a keep-alive connection, so nothing past that end belongs to this answer.
 *
 * <pre>{@code
 * int end = HttpAnswers.end(bytes, length);     // -1: not complete yet
 * int status = HttpAnswers.status(bytes);       // 200
 * String body = HttpAnswers.body(bytes, end);
 * }</pre>
 */
public final class HttpAnswers {

    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private HttpAnswers() {
    }

    /** The length of the first complete answer in {@code bytes[0, length)}, or -1 while it is incomplete. */
    public static int end(byte[] bytes, int length) {
        int headers = indexOf(bytes, length, 0, HEADERS_END);
        if (headers < 0) {
            return -1;
        }
        int bodyStart = headers + 4;
        long contentLength = header(bytes, headers, "content-length:");
        if (contentLength >= 0) {
            return bodyStart + contentLength <= length ? (int) (bodyStart + contentLength) : -1;
        }
        if (header(bytes, headers, "transfer-encoding:") != -2 && contains(bytes, headers, "chunked")) {
            // JSON escapes raw CR/LF in strings, so the terminating chunk is unambiguous
            if (bodyStart + 5 <= length && bytes[bodyStart] == '0' && bytes[bodyStart + 1] == '\r') {
                return bodyStart + 5;
            }
            int last = indexOf(bytes, length, bodyStart, LAST_CHUNK);
            return last < 0 ? -1 : last + LAST_CHUNK.length;
        }
        return bodyStart; // no body (204, 304)
    }

    /** The status code of the answer at the start of {@code bytes} ("HTTP/1.1 200 ..."), -1 if not HTTP. */
    public static int status(byte[] bytes) {
        if (bytes.length < 12 || bytes[0] != 'H' || bytes[4] != '/') {
            return -1;
        }
        return (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
    }

    /** The body of the complete answer of length {@code end} (chunked bodies keep their chunk lines). */
    public static String body(byte[] bytes, int end) {
        int start = bodyStart(bytes, end);
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** Where the body of the complete answer of length {@code end} begins. */
    public static int bodyStart(byte[] bytes, int end) {
        return indexOf(bytes, end, 0, HEADERS_END) + 4;
    }

    /** The first line of the answer, for an error message. */
    public static String statusLine(byte[] bytes, int end) {
        int eol = indexOf(bytes, end, 0, new byte[] {'\r', '\n'});
        return new String(bytes, 0, eol < 0 ? Math.min(end, 80) : eol, StandardCharsets.ISO_8859_1);
    }

    /** The numeric value of a header (name lower-case, with its colon), -2 when absent, -1 when not a number. */
    private static long header(byte[] bytes, int headersEnd, String name) {
        for (int line = indexOf(bytes, headersEnd, 0, new byte[] {'\n'}) + 1; line > 0 && line < headersEnd; ) {
            int eol = indexOf(bytes, headersEnd + 2, line, new byte[] {'\r'});
            if (regionMatchesIgnoreCase(bytes, line, name)) {
                return number(bytes, line + name.length(), eol);
            }
            line = eol + 2;
        }
        return -2;
    }

    /** The decimal number in {@code bytes[from, to)} around blanks, -1 when there is none. */
    private static long number(byte[] bytes, int from, int to) {
        long value = -1;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b >= '0' && b <= '9') {
                value = (value < 0 ? 0 : value * 10) + (b - '0');
            } else if (b != ' ' && b != '\t') {
                return -1;
            }
        }
        return value;
    }

    private static boolean contains(byte[] bytes, int end, String what) {
        return indexOf(bytes, end, 0, what.getBytes(StandardCharsets.US_ASCII)) >= 0;
    }

    private static boolean regionMatchesIgnoreCase(byte[] bytes, int at, String lowerCase) {
        if (at + lowerCase.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            if (Character.toLowerCase(bytes[at + i]) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code what} first occurs in {@code bytes[from, length)}, or -1. */
    public static int indexOf(byte[] bytes, int length, int from, byte[] what) {
        outer:
        for (int i = from; i <= length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

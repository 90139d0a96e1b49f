package io.appmessage.benchmarks.load;

import java.nio.charset.StandardCharsets;

/**
 * Reading an answer's bytes without building a String per answer, which would double a load client's cost
 * per answer: find a marker, read the decimal number after it, compare with a string.
 *
 * <pre>{@code
 * int at = Bytes.find(bytes, end, from, Bytes.ascii("{\"id\":"));
 * long id = Bytes.number(bytes, at + 6);
 * }</pre>
 */
public final class Bytes {

    private Bytes() {
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Where {@code what} first occurs in {@code bytes[from, end)}, or -1. */
    public static int find(byte[] bytes, int end, int from, byte[] what) {
        return HttpAnswers.indexOf(bytes, end, from, what);
    }

    /** Where {@code what} last occurs in {@code bytes[from, end)}, or -1: a field near an answer's end is found without scanning its data. */
    public static int findLast(byte[] bytes, int end, int from, byte[] what) {
        outer:
        for (int i = end - what.length; i >= from; i--) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The decimal digits from {@code from} on, as a number (0 when there are none). */
    public static long number(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    /** True when {@code bytes[from, to)} is {@code text} (ASCII). */
    public static boolean same(String text, byte[] bytes, int from, int to) {
        if (text.length() != to - from) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }
}

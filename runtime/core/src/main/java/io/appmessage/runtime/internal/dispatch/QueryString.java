package io.appmessage.runtime.internal.dispatch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} query parsing: {@code %} must be followed by two
 * hex digits and the bytes must be UTF-8, else the poll is answered 400 instead
 * of handlers seeing mangled values. Framework-neutral, so Servlet users get the same rules.
 */
final class QueryString {

    static final Map<String, List<String>> EMPTY = Map.of();

    private QueryString() {
    }

    static Map<String, List<String>> parse(String raw, int maxParameters) throws BadQueryException {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        int count = 0;
        int start = 0;
        int length = raw.length();
        while (start <= length) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? length : amp;
            if (end > start) {
                if (++count > maxParameters) {
                    throw new BadQueryException("too many query parameters (at most " + maxParameters + ")");
                }
                int eq = raw.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = decode(raw, start, end);
                    value = "";
                } else {
                    name = decode(raw, start, eq);
                    value = decode(raw, eq + 1, end);
                }
                // immutable lists as built: one small List.of per parameter, no wrapper pass afterwards
                params.merge(name, List.of(value), QueryString::concat);
            }
            start = end + 1;
        }
        return Collections.unmodifiableMap(params);
    }

    /** A repeated parameter (rare): the values so far plus the new one, still immutable. */
    private static List<String> concat(List<String> before, List<String> added) {
        String[] all = before.toArray(new String[before.size() + 1]);
        all[before.size()] = added.get(0);
        return List.of(all);
    }

    private static String decode(String raw, int from, int to) throws BadQueryException {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%' || c == '+') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return raw.substring(from, to);
        }
        byte[] bytes = new byte[(to - from) * 3];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= to) {
                    throw new BadQueryException("malformed query string: '%' must be followed by two hex digits");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new BadQueryException("malformed query string: '%' must be followed by two hex digits");
                }
                bytes[n++] = (byte) ((hi << 4) | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new BadQueryException("malformed query string: percent-encoded bytes are not UTF-8");
        }
    }
}

package io.appmessage.runtime.internal.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reads JSON text strictly (a real parser: jackson-core, one value, nothing after it, no limit on number
 * length) into maps, lists, strings, booleans, nulls and {@link Num}s kept as
 * their text, and checks it against the Java value that was written, by the writer's documented forms:
 * NaN and the infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; a float
 * as its own shortest decimal; BigDecimal as its {@code toString()}; an app's own Number as its
 * {@code toString()} when that is a decimal, else as its double; char and Character as one-char strings;
 * enums by name; Optional as its content. Tests only.
 */
public final class JsonTree {

    /** A JSON number as written, digit for digit. */
    record Num(String text) {
    }

    private static final JsonFactory STRICT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(10_000).build())
            .build();

    private JsonTree() {
    }

    /** Exactly one JSON value; anything else fails the test with the text. */
    public static Object parse(byte[] utf8) {
        try (JsonParser p = STRICT.createParser(ObjectReadContext.empty(), utf8)) {
            assertThat(p.nextToken()).as("a value").isNotNull();
            Object value = read(p);
            assertThat(p.nextToken()).as("nothing after the value").isNull();
            return value;
        }
    }

    private static Object read(JsonParser p) {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, read(p));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                yield list;
            }
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(p.getString());
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw new AssertionError("unexpected token " + t);
        };
    }

    /** How deep {@code value} nests (a scalar 0, {@code []} 1); Optional adds nothing. */
    public static int depth(Object value) {
        if (value instanceof Optional<?> o) {
            return depth(o.orElse(null));
        }
        int inner = -1;
        if (value instanceof Map<?, ?> map) {
            inner = 0;
            for (Object v : map.values()) {
                inner = Math.max(inner, depth(v));
            }
        } else if (value instanceof Iterable<?> iterable) {
            inner = 0;
            for (Object v : iterable) {
                inner = Math.max(inner, depth(v));
            }
        } else if (value instanceof Object[] array) {
            inner = 0;
            for (Object v : array) {
                inner = Math.max(inner, depth(v));
            }
        } else if (value != null && value.getClass().isArray()) {
            inner = 0;
        }
        return inner < 0 ? 0 : inner + 1;
    }

    /** Fails naming the path when {@code parsed} is not what {@code fed} is written as. */
    public static void assertMatches(Object fed, Object parsed, String path) {
        if (fed instanceof Optional<?> o) {
            assertMatches(o.orElse(null), parsed, path);
        } else if (fed == null) {
            assertThat(parsed).as(path).isNull();
        } else if (fed instanceof CharSequence || fed instanceof Character) {
            assertThat(parsed).as(path).isEqualTo(text(fed.toString()));
        } else if (fed instanceof Boolean) {
            assertThat(parsed).as(path).isEqualTo(fed);
        } else if (fed instanceof Enum<?> e) {
            assertThat(parsed).as(path).isEqualTo(e.name());
        } else if (fed instanceof Integer || fed instanceof Long || fed instanceof Short || fed instanceof Byte
                || fed instanceof AtomicLong) {
            assertThat(Long.parseLong(num(parsed, path))).as(path).isEqualTo(((Number) fed).longValue());
        } else if (fed instanceof Double d) {
            assertDouble(d, parsed, path);
        } else if (fed instanceof Float f) {
            assertFloat(f, parsed, path);
        } else if (fed instanceof BigInteger i) {
            assertThat(new BigInteger(num(parsed, path))).as(path).isEqualTo(i);
        } else if (fed instanceof BigDecimal d) {
            assertThat(num(parsed, path)).as(path).isEqualTo(d.toString());
        } else if (fed instanceof FuzzedValues.OwnNumber n) {
            BigDecimal exact;
            try {
                exact = new BigDecimal(n.toString());
            } catch (NumberFormatException notADecimal) {
                assertDouble(n.doubleValue(), parsed, path);
                return;
            }
            assertThat(num(parsed, path)).as(path).isEqualTo(exact.toString());
        } else if (fed instanceof Map<?, ?> map) {
            assertThat(parsed).as(path).isInstanceOf(Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) parsed;
            // keys as written; two that differ only in lone surrogates become one name, and a reader keeps the last
            Map<String, Object> expected = new LinkedHashMap<>();
            map.forEach((k, v) -> expected.put(text(k.toString()), v));
            assertThat(object.keySet()).as(path + " keys").containsExactlyElementsOf(expected.keySet());
            expected.forEach((k, v) -> assertMatches(v, object.get(k), path + "." + k));
        } else if (fed instanceof Iterable<?> iterable) {
            assertElements(iterable.iterator(), parsed, path);
        } else if (fed instanceof Object[] array) {
            assertElements(List.of(boxedNulls(array)).iterator(), parsed, path);
        } else if (fed.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(fed);
            List<Object> boxed = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                boxed.add(java.lang.reflect.Array.get(fed, i));
            }
            assertElements(boxed.iterator(), parsed, path);
        } else {
            fail("no expectation for " + fed.getClass() + " at " + path);
        }
    }

    /**
     * Text as written: each lone surrogate as U+FFFD, which is what the JDK's UTF-8 encoder makes of it when
     * told to replace malformed input with U+FFFD (an implementation of its own, not the writer's).
     */
    public static String text(String fed) {
        try {
            java.nio.ByteBuffer utf8 = java.nio.charset.StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .replaceWith(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD})
                    .encode(java.nio.CharBuffer.wrap(fed));
            return java.nio.charset.StandardCharsets.UTF_8.decode(utf8).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new AssertionError(e);
        }
    }

    private static Object[] boxedNulls(Object[] array) {
        Object[] copy = new Object[array.length];
        for (int i = 0; i < array.length; i++) {
            copy[i] = array[i] == null ? Optional.empty() : array[i]; // List.of refuses nulls
        }
        return copy;
    }

    private static void assertElements(Iterator<?> fed, Object parsed, String path) {
        assertThat(parsed).as(path).isInstanceOf(List.class);
        Iterator<?> got = ((List<?>) parsed).iterator();
        int i = 0;
        while (fed.hasNext()) {
            assertThat(got.hasNext()).as(path + "[" + i + "] present").isTrue();
            assertMatches(fed.next(), got.next(), path + "[" + i + "]");
            i++;
        }
        assertThat(got.hasNext()).as(path + ": no more elements than fed").isFalse();
    }

    private static void assertDouble(double d, Object parsed, String path) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            assertThat(parsed).as(path).isEqualTo(Double.toString(d));
        } else {
            assertThat(Double.compare(Double.parseDouble(num(parsed, path)), d)).as(path + " = " + d).isZero();
        }
    }

    private static void assertFloat(float f, Object parsed, String path) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            assertThat(parsed).as(path).isEqualTo(Float.toString(f));
        } else {
            assertThat(Float.compare(Float.parseFloat(num(parsed, path)), f)).as(path + " = " + f).isZero();
        }
    }

    private static String num(Object parsed, String path) {
        assertThat(parsed).as(path + " is a number").isInstanceOf(Num.class);
        return ((Num) parsed).text();
    }
}

package io.appmessage.runtime.internal.json;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Random pushable data built from fuzzer bytes: maps, lists, arrays (object and primitive), Optional,
 * enums, numbers at their limits (NaN, infinities, -0.0, {@code Long.MIN_VALUE}, huge BigInteger and
 * BigDecimal, an app's own Number), and strings of any UTF-16 code units, lone surrogates and control
 * characters included. Tests only.
 */
public final class FuzzedValues {

    /** How deep the built data may nest: past the writer's limit, so that the drop path is fuzzed too. */
    public static final int MAX_DEPTH = EnvelopeWriter.MAX_NESTING_DEPTH + 5;

    enum Colour { RED, GREEN }

    /** An app's own Number: written as its toString() when that is a decimal, else its doubleValue(). */
    static final class OwnNumber extends Number {
        private static final long serialVersionUID = 1L;
        final String text;
        final double value;

        OwnNumber(String text, double value) {
            this.text = text;
            this.value = value;
        }

        @Override public int intValue() { return (int) value; }
        @Override public long longValue() { return (long) value; }
        @Override public float floatValue() { return (float) value; }
        @Override public double doubleValue() { return value; }
        @Override public String toString() { return text; }
    }

    private final FuzzedDataProvider data;

    public FuzzedValues(FuzzedDataProvider data) {
        this.data = data;
    }

    /** Text of any UTF-16 code units: what the fuzzer gives, or single units picked anywhere in 0..0xFFFF. */
    public String text() {
        if (data.consumeBoolean()) {
            return data.consumeString(24);
        }
        int n = data.consumeInt(0, 12);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(data.consumeChar()); // lone surrogates, U+0000, U+2028, U+FFFF and the rest
        }
        return s.toString();
    }

    public Object value(int depth) {
        if (depth >= MAX_DEPTH || data.remainingBytes() == 0) {
            return scalar();
        }
        int pick = data.consumeInt(0, 9);
        return switch (pick) {
            case 0 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    map.put(text(), value(depth + 1));
                }
                yield map;
            }
            case 1 -> {
                List<Object> list = new ArrayList<>();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    list.add(value(depth + 1));
                }
                yield list;
            }
            case 2 -> {
                Object[] array = new Object[data.consumeInt(0, 3)];
                for (int i = 0; i < array.length; i++) {
                    array[i] = value(depth + 1);
                }
                yield array;
            }
            case 3 -> Optional.ofNullable(data.consumeBoolean() ? value(depth) : null);
            case 4 -> java.util.Collections.singletonList(value(depth + 1)); // a chain: reaches the nesting limit on a few bytes
            default -> scalar();
        };
    }

    private static BigInteger bigInteger(byte[] twosComplement) {
        return twosComplement.length == 0 ? BigInteger.ZERO : new BigInteger(twosComplement);
    }

    /**
     * Booleans one by one: Jazzer's {@code consumeBooleans} copies raw bytes into the array, so an element can
     * hold 2..255, which no Java code can store and which the JVM reads as true in one place and false in another.
     */
    private boolean[] booleans(int n) {
        boolean[] values = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = data.consumeBoolean();
        }
        return values;
    }

    Object scalar() {
        if (data.remainingBytes() == 0) {
            return null;
        }
        int pick = data.consumeInt(0, 24);
        return switch (pick) {
            case 0 -> null;
            case 1 -> data.consumeBoolean();
            case 2 -> text();
            case 3 -> data.consumeInt();
            case 4 -> data.consumeLong();
            case 5 -> data.pickValue(new Long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L});
            case 6 -> data.consumeDouble(); // includes NaN, the infinities, -0.0, subnormals
            case 7 -> data.pickValue(new Double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL});
            case 8 -> data.consumeFloat();
            case 9 -> data.pickValue(new Float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                    -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f});
            case 10 -> bigInteger(data.consumeBytes(data.consumeInt(1, 600))); // up to ~1,450 digits
            case 11 -> BigInteger.TWO.pow(data.consumeInt(0, 4000)).negate();
            case 12 -> new BigDecimal(BigInteger.valueOf(data.consumeLong()), data.consumeInt(-400, 400));
            case 13 -> new BigDecimal(BigInteger.TEN.pow(data.consumeInt(0, 1200)), data.consumeInt());
            case 14 -> data.consumeShort();
            case 15 -> data.consumeByte();
            case 16 -> new AtomicLong(data.consumeLong());
            case 17 -> new OwnNumber(text(), data.consumeDouble());
            case 18 -> new OwnNumber(data.pickValue(new String[] {"1e5", "+7", ".5", "-0", "1E+999999999", "0x10",
                    "NaN", "Infinity", "1_000", " 1", "1e2147483648"}), data.consumeDouble());
            case 19 -> data.consumeChar();
            case 20 -> new StringBuilder(text());
            case 21 -> data.pickValue(Colour.values());
            case 22 -> data.consumeInts(data.consumeInt(0, 3));
            case 23 -> data.consumeBytes(data.consumeInt(0, 3));
            default -> switch (data.consumeInt(0, 4)) {
                case 0 -> data.consumeLongs(2);
                case 1 -> new double[] {data.consumeDouble(), data.consumeDouble()};
                case 2 -> new float[] {data.consumeFloat()};
                case 3 -> booleans(data.consumeInt(0, 2));
                default -> text().toCharArray();
            };
        };
    }
}

package io.appmessage.runtime.internal.json;

import io.appmessage.spi.JsonSink;
import io.appmessage.spi.JsonWriter;
import tools.jackson.core.JsonGenerator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link JsonSink} over a jackson-core streaming {@link JsonGenerator}: what generated record
 * writers write to, and how every pushable value becomes JSON. No databind, no
 * reflection: values are matched by {@code instanceof}, records by their generated writer.
 *
 * <p>Forms: {@code String}/{@code CharSequence}/{@code Character} as strings; integral numbers,
 * {@code BigInteger}, {@code BigDecimal} as numbers; text with a lone surrogate (half a UTF-16 pair) with
 * U+FFFD in its place, in names too ({@link WellFormedText}); {@code double}/{@code float} as numbers (a
 * float with its own shortest decimal), NaN and infinities as strings; atomics and adders by value;
 * any other {@code Number} as its {@code toString()} if that is a decimal, else its
 * {@code doubleValue()}; booleans; {@code null}; maps with string (or enum, or number) keys as
 * objects; iterables and arrays (primitive arrays included) as arrays; {@code Optional} as its
 * content or {@code null}; enums as their {@code name()}; records through the writers the
 * processor generated. Anything else throws {@link UnwritableValueException}.
 */
public final class JacksonJsonSink implements EnvelopeSink {

    private final JsonGenerator generator;
    private final WriterTable writers;

    public JacksonJsonSink(JsonGenerator generator, WriterTable writers) {
        this.generator = generator;
        this.writers = writers;
    }

    @Override
    public void beginObject() {
        generator.writeStartObject();
    }

    @Override
    public void endObject() {
        generator.writeEndObject();
    }

    @Override
    public void beginArray() {
        generator.writeStartArray();
    }

    @Override
    public void endArray() {
        generator.writeEndArray();
    }

    @Override
    public void name(String name) {
        generator.writeName(WellFormedText.of(name));
    }

    @Override
    public void string(String value) {
        generator.writeString(value == null ? null : WellFormedText.of(value));
    }

    @Override
    public void number(long value) {
        generator.writeNumber(value);
    }

    @Override
    public void number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            generator.writeString(Double.toString(value)); // JSON has no NaN/Infinity (JsonSink contract)
        } else {
            generator.writeNumber(value);
        }
    }

    @Override
    public void number(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            generator.writeString(Float.toString(value));
        } else {
            generator.writeNumber(value); // the float's shortest decimal, not its widened double
        }
    }

    @Override
    public void rawValue(String json) {
        generator.writeRawValue(json);
    }

    @Override
    public void bool(boolean value) {
        generator.writeBoolean(value);
    }

    @Override
    public void nullValue() {
        generator.writeNull();
    }

    @Override
    public void value(Object value) {
        // most common forms first: the poll path writes strings, numbers and maps far more than the rest
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(WellFormedText.of(s));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map);
        } else if (value instanceof Iterable<?> iterable) {
            writeIterable(iterable);
        } else if (value instanceof Double d) {
            number(d.doubleValue());
        } else if (value instanceof Float f) {
            number(f.floatValue()); // as the float it is: 0.1f is 0.1, not 0.10000000149011612
        } else if (value instanceof BigDecimal d) {
            generator.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            generator.writeNumber(i);
        } else if (value instanceof Number n) {
            writeOtherNumber(n);
        } else if (value instanceof Optional<?> optional) {
            value(optional.orElse(null));
        } else if (value instanceof Enum<?> e) {
            generator.writeString(e.name());
        } else if (value instanceof CharSequence || value instanceof Character) {
            generator.writeString(WellFormedText.of(value.toString()));
        } else if (value.getClass().isArray()) {
            writeArray(value);
        } else {
            JsonWriter<Object> writer = writers.writerFor(value.getClass());
            if (writer == null) {
                throw new UnwritableValueException(value.getClass().getName(),
                        "no JSON writer; push String, numbers, booleans, Map<String,?>, Iterable, arrays, Optional,"
                                + " enums, or records compiled with the AppMessage processor");
            }
            writer.write(value, this);
        }
    }

    /**
     * A {@code Number} of no type above: the JDK's atomics and adders by their exact value; an app's
     * own {@code Number} as its {@code toString()} when that is a decimal number (exact, as a money
     * type would want), else as its {@code doubleValue()}.
     */
    private void writeOtherNumber(Number n) {
        if (n instanceof AtomicInteger || n instanceof AtomicLong || n instanceof LongAdder || n instanceof LongAccumulator) {
            generator.writeNumber(n.longValue());
        } else if (n instanceof DoubleAdder || n instanceof DoubleAccumulator) {
            number(n.doubleValue());
        } else {
            BigDecimal exact;
            try {
                exact = new BigDecimal(n.toString());
            } catch (NumberFormatException notADecimal) {
                number(n.doubleValue());
                return;
            }
            generator.writeNumber(exact);
        }
    }

    private void writeMap(Map<?, ?> map) {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            generator.writeName(WellFormedText.of(keyOf(entry.getKey())));
            value(entry.getValue());
        }
        generator.writeEndObject();
    }

    private static String keyOf(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Enum<?> e) {
            return e.name();
        }
        if (key instanceof Number || key instanceof CharSequence || key instanceof Character) {
            return key.toString();
        }
        throw new UnwritableValueException(key == null ? "null map key" : key.getClass().getName(),
                "map keys must be strings (or enums, numbers)");
    }

    private void writeIterable(Iterable<?> iterable) {
        generator.writeStartArray();
        for (Iterator<?> it = iterable.iterator(); it.hasNext(); ) {
            value(it.next());
        }
        generator.writeEndArray();
    }

    private void writeArray(Object array) {
        generator.writeStartArray();
        if (array instanceof Object[] objects) {
            for (Object o : objects) {
                value(o);
            }
        } else if (array instanceof int[] ints) {
            for (int i : ints) {
                generator.writeNumber(i);
            }
        } else if (array instanceof long[] longs) {
            for (long l : longs) {
                generator.writeNumber(l);
            }
        } else if (array instanceof double[] doubles) {
            for (double d : doubles) {
                number(d);
            }
        } else if (array instanceof float[] floats) {
            for (float f : floats) {
                number(f);
            }
        } else if (array instanceof boolean[] booleans) {
            for (boolean b : booleans) {
                generator.writeBoolean(b);
            }
        } else if (array instanceof short[] shorts) {
            for (short s : shorts) {
                generator.writeNumber(s);
            }
        } else if (array instanceof byte[] bytes) {
            for (byte b : bytes) { // numbers, not base64: mini-program code reads them without decoding
                generator.writeNumber(b);
            }
        } else if (array instanceof char[] chars) {
            for (char c : chars) {
                generator.writeString(WellFormedText.of(c));
            }
        }
        generator.writeEndArray();
    }
}

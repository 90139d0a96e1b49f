package io.appmessage.runtime.json;

import io.appmessage.JsonSink;
import io.appmessage.JsonWriter;
import tools.jackson.core.JsonGenerator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * {@link JsonSink} over a jackson-core streaming {@link JsonGenerator}: what generated record
 * writers write to, and how every pushable value becomes JSON (issue 3, item 3). No databind, no
 * reflection: values are matched by {@code instanceof}, records by their generated writer.
 *
 * <p>Forms: {@code String}/{@code CharSequence}/{@code Character} as strings; integral numbers,
 * {@code BigInteger}, {@code BigDecimal} as numbers; {@code double}/{@code float} as numbers, NaN and
 * infinities as strings; booleans; {@code null}; maps with string (or enum, or number) keys as
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
        generator.writeName(name);
    }

    @Override
    public void string(String value) {
        generator.writeString(value);
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
            generator.writeString(s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map);
        } else if (value instanceof Iterable<?> iterable) {
            writeIterable(iterable);
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal d) {
            generator.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            generator.writeNumber(i);
        } else if (value instanceof Optional<?> optional) {
            value(optional.orElse(null));
        } else if (value instanceof Enum<?> e) {
            generator.writeString(e.name());
        } else if (value instanceof CharSequence || value instanceof Character) {
            generator.writeString(value.toString());
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

    private void writeMap(Map<?, ?> map) {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            generator.writeName(keyOf(entry.getKey()));
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
                generator.writeString(String.valueOf(c));
            }
        }
        generator.writeEndArray();
    }
}

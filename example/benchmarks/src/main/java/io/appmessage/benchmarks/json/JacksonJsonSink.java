package io.appmessage.benchmarks.json;

import io.appmessage.spi.JsonSink;
import io.appmessage.spi.JsonWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * {@link JsonSink} over a jackson-core streaming generator, as the runtime adapts it: known value
 * types are written directly, records through the writer {@code writers} finds for their class
 * (generated ones for AppMessage; a reflective one for the scanning comparison app).
 *
 * <pre>{@code
 * JacksonJsonSink sink = new JacksonJsonSink(generator, writers::get);
 * sink.value(Map.of("list", List.of("aaa")));
 * }</pre>
 */
public final class JacksonJsonSink implements JsonSink {

    private final JsonGenerator out;
    private final Function<Class<?>, JsonWriter<Object>> writers;

    public JacksonJsonSink(JsonGenerator out, Function<Class<?>, JsonWriter<Object>> writers) {
        this.out = out;
        this.writers = writers;
    }

    @Override public void beginObject() { out.writeStartObject(); }
    @Override public void endObject() { out.writeEndObject(); }
    @Override public void beginArray() { out.writeStartArray(); }
    @Override public void endArray() { out.writeEndArray(); }
    @Override public void name(String name) { out.writeName(name); }
    @Override public void number(long value) { out.writeNumber(value); }
    @Override public void bool(boolean value) { out.writeBoolean(value); }
    @Override public void nullValue() { out.writeNull(); }

    @Override
    public void string(String value) {
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }

    @Override
    public void number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.writeString(Double.toString(value));
        } else {
            out.writeNumber(value);
        }
    }

    @Override
    public void value(Object value) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            number(n.doubleValue());
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeName(String.valueOf(e.getKey()));
                value(e.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                value(item);
            }
            out.writeEndArray();
        } else if (value instanceof Object[] items) {
            out.writeStartArray();
            for (Object item : items) {
                value(item);
            }
            out.writeEndArray();
        } else if (value instanceof Optional<?> optional) {
            value(optional.orElse(null));
        } else {
            JsonWriter<Object> writer = writers.apply(value.getClass());
            if (writer == null) {
                throw new IllegalArgumentException("no JSON writer for " + value.getClass().getName());
            }
            writer.write(value, this);
        }
    }
}

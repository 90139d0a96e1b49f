package io.appmessage.processor.support;

import io.appmessage.spi.JsonSink;
import io.appmessage.spi.JsonWriter;
import io.appmessage.spi.JsonWriters;
import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A test {@link JsonSink} that builds compact JSON text, dispatching {@link #value} the way the
 * runtime does: records through the writers registered with it, everything else by type.
 */
public final class StringJsonSink implements JsonSink, JsonWriters {

    private final Map<Class<?>, JsonWriter<?>> writers = new HashMap<>();
    private final StringBuilder json = new StringBuilder();
    /** Per open container: whether the next element needs a comma. */
    private final Deque<boolean[]> containers = new ArrayDeque<>();
    private boolean afterName;

    @Override
    public <T> void register(Class<T> type, JsonWriter<? super T> writer) {
        writers.putIfAbsent(type, writer);
    }

    /** The JSON of {@code value}, written through this sink. */
    public String write(Object value) {
        json.setLength(0);
        value(value);
        return json.toString();
    }

    @Override
    public void beginObject() {
        separate();
        json.append('{');
        containers.push(new boolean[1]);
    }

    @Override
    public void endObject() {
        containers.pop();
        json.append('}');
    }

    @Override
    public void beginArray() {
        separate();
        json.append('[');
        containers.push(new boolean[1]);
    }

    @Override
    public void endArray() {
        containers.pop();
        json.append(']');
    }

    @Override
    public void name(String name) {
        separate();
        quote(name);
        json.append(':');
        afterName = true;
    }

    @Override
    public void string(String value) {
        if (value == null) {
            nullValue();
            return;
        }
        separate();
        quote(value);
    }

    @Override
    public void number(long value) {
        separate();
        json.append(value);
    }

    @Override
    public void number(double value) {
        separate();
        json.append(value);
    }

    @Override
    public void bool(boolean value) {
        separate();
        json.append(value);
    }

    @Override
    public void nullValue() {
        separate();
        json.append("null");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void value(Object value) {
        if (value == null) {
            nullValue();
        } else if (value instanceof String || value instanceof Character || value instanceof Enum<?>) {
            string(value instanceof Enum<?> e ? e.name() : value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            number(number.longValue());
        } else if (value instanceof Boolean bool) {
            bool(bool);
        } else if (value instanceof Optional<?> optional) {
            value(optional.orElse(null));
        } else if (value instanceof Map<?, ?> map) {
            beginObject();
            map.forEach((name, item) -> {
                name(String.valueOf(name));
                value(item);
            });
            endObject();
        } else if (value instanceof Iterable<?> items) {
            beginArray();
            items.forEach(this::value);
            endArray();
        } else if (value.getClass().isArray()) {
            beginArray();
            for (int i = 0; i < Array.getLength(value); i++) {
                value(Array.get(value, i));
            }
            endArray();
        } else {
            JsonWriter<Object> writer = (JsonWriter<Object>) writers.get(value.getClass());
            if (writer == null) {
                throw new IllegalArgumentException("no writer for " + value.getClass());
            }
            writer.write(value, this);
        }
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        boolean[] container = containers.peek();
        if (container != null) {
            if (container[0]) {
                json.append(',');
            }
            container[0] = true;
        }
    }

    private void quote(String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> json.append(c);
            }
        }
        json.append('"');
    }
}

package io.appmessage.runtime.internal.json;

import io.appmessage.spi.JsonWriter;
import io.appmessage.spi.JsonWriters;

import java.util.HashMap;
import java.util.Map;

/**
 * The JSON writers the registries generated, looked up by a value's exact class. Filled once at
 * start through {@link #registration()}, then {@link #freeze() frozen}: the poll path only reads.
 *
 * <pre>{@code
 * WriterTable table = new WriterTable();
 * registry.registerWriters(table.registration());
 * table.freeze();
 * JsonWriter<Object> writer = table.writerFor(value.getClass());
 * }</pre>
 */
public final class WriterTable {

    private final Map<Class<?>, JsonWriter<?>> writers = new HashMap<>();
    private volatile boolean frozen;

    /** The {@link JsonWriters} a registry's {@code registerWriters} receives; the first registration of a type wins. */
    public JsonWriters registration() {
        return new JsonWriters() {
            @Override
            public <T> void register(Class<T> type, JsonWriter<? super T> writer) {
                if (frozen) {
                    throw new IllegalStateException("writers are registered at start-up only");
                }
                writers.putIfAbsent(type, writer);
            }
        };
    }

    /** Ends registration; after this the table is read-only and safe to share between threads. */
    public WriterTable freeze() {
        frozen = true;
        return this;
    }

    /** How many writers are registered. */
    public int size() {
        return writers.size();
    }

    /** The writer for exactly {@code type}, or {@code null}. Records are final, so exact lookup suffices. */
    @SuppressWarnings("unchecked")
    public JsonWriter<Object> writerFor(Class<?> type) {
        return (JsonWriter<Object>) writers.get(type);
    }
}

package io.appmessage.spi;

/**
 * Receives the JSON writers a registry contributes. The runtime looks writers up by the pushed
 * value's exact class, which is enough because records are final.
 *
 * <pre>{@code
 * @Override
 * public void registerWriters(JsonWriters writers) {
 *     writers.register(OrderStatus.class, OrderStatusJsonWriter.INSTANCE);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface JsonWriters {

    /** Registers the writer for {@code type}; the first registration of a type wins. */
    <T> void register(Class<T> type, JsonWriter<? super T> writer);
}

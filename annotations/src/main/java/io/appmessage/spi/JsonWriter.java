package io.appmessage.spi;

/**
 * Writes one type as JSON through a {@link JsonSink}. The processor generates one per record that
 * handlers push or return, and registers it in the generated {@code HandlerRegister}.
 *
 * <pre>{@code
 * JsonWriter<OrderStatus> writer = (value, sink) -> {
 *     sink.beginObject();
 *     sink.name("status"); sink.string(value.status());
 *     sink.endObject();
 * };
 * }</pre>
 *
 * @param <T> the type written
 */
@FunctionalInterface
public interface JsonWriter<T> {

    /** Writes {@code value}, never {@code null}, to {@code sink}. */
    void write(T value, JsonSink sink);
}

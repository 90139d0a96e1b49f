package io.appmessage.spi;

/**
 * Where generated JSON writers write: a small streaming interface, so generated code needs no JSON
 * library. The runtime adapts it to jackson-core; tests may adapt it to anything.
 *
 * <pre>{@code
 * // written by the processor for record OrderStatus(String orderNo, int items)
 * sink.beginObject();
 * sink.name("order_no"); sink.string(value.orderNo());
 * sink.name("items");    sink.number(value.items());
 * sink.endObject();
 * }</pre>
 */
public interface JsonSink {

    /** Starts an object: <code>&#123;</code>. */
    void beginObject();

    /** Ends an object: {@code }}. */
    void endObject();

    /** Starts an array: {@code [}. */
    void beginArray();

    /** Ends an array: {@code ]}. */
    void endArray();

    /** Writes a field name inside an object. */
    void name(String name);

    /** Writes a string, or {@code null} when {@code value} is null. */
    void string(String value);

    /** Writes an integral number. */
    void number(long value);

    /** Writes a floating-point number; NaN and infinities are written as strings. */
    void number(double value);

    /**
     * Writes a {@code float} as the shortest decimal that reads back as the same float:
     * {@code 0.1f} is written {@code 0.1}, where widening it to {@code double} would give
     * {@code 0.10000000149011612}. Generated writers call it for {@code float} components. The
     * default goes through {@link #number(double)}, so existing sinks need not change.
     */
    default void number(float value) {
        number(Double.parseDouble(Float.toString(value)));
    }

    /** Writes a boolean. */
    void bool(boolean value);

    /** Writes {@code null}. */
    void nullValue();

    /**
     * Writes any pushable value: strings, numbers, booleans, {@code null}, maps, iterables, arrays,
     * {@code Optional}, and records through their generated writers. Generated writers call this
     * for components whose JSON form is not known statically.
     *
     * @throws IllegalArgumentException when the value's type cannot be written as JSON
     */
    void value(Object value);
}

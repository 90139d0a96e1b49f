package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A record to write a JSON writer for.
 *
 * @param record     the record (raw, when generic)
 * @param generic    whether the record declares type parameters (the writer then uses the raw type)
 * @param components the components, in declaration order
 */
public record RecordModel(ClassName record, boolean generic, List<Component> components) {

    /** How a component is written, chosen from its declared type so common cases need no dispatch. */
    public enum JsonForm {
        /** {@code sink.string(value.x())}. */
        STRING,
        /** {@code sink.number(value.x())}, the {@code long} overload: int, long, short, byte. */
        INTEGRAL,
        /**
         * {@code sink.number(value.x())}: the {@code float} overload for float (written as its
         * shortest decimal, {@code 0.1f} → {@code 0.1}), the {@code double} overload for double.
         */
        FLOATING,
        /** {@code sink.bool(value.x())}. */
        BOOLEAN,
        /** {@code sink.string(String.valueOf(value.x()))}. */
        CHAR,
        /** {@code sink.value(value.x())}: the runtime dispatches (maps, lists, Optional, records, null). */
        VALUE
    }

    /**
     * @param accessor the accessor method's name
     * @param jsonName the field name in JSON
     * @param form     how the value is written
     */
    public record Component(String accessor, String jsonName, JsonForm form) {
    }

    public RecordModel {
        components = List.copyOf(components);
    }

    /** {@code OrderStatus_JsonWriter} for {@code OrderStatus}, {@code Outer_Inner_JsonWriter} for a nested record. */
    public ClassName writer() {
        return writerOf(record);
    }

    /** The writer class generated for {@code record}, in the record's package. */
    public static ClassName writerOf(ClassName record) {
        return ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "_JsonWriter");
    }
}

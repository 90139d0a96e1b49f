package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3, item 3: every {@code Number} has a JSON form, and floats keep their own precision. */
class NumberFormsTest {

    /** An app's own Number, as a money or quantity type might be. */
    static final class Cents extends Number {
        private static final long serialVersionUID = 1L;
        private final long cents;

        Cents(long cents) {
            this.cents = cents;
        }

        @Override
        public int intValue() {
            return (int) cents;
        }

        @Override
        public long longValue() {
            return cents;
        }

        @Override
        public float floatValue() {
            return cents / 100f;
        }

        @Override
        public double doubleValue() {
            return cents / 100d;
        }

        @Override
        public String toString() {
            return "EUR " + cents; // not a number: the JSON form falls back to doubleValue()
        }
    }

    /** A Number whose toString is its exact decimal: written as that number, not rounded through double. */
    static final class Exact extends Number {
        private static final long serialVersionUID = 1L;
        @Override
        public int intValue() {
            return 0;
        }

        @Override
        public long longValue() {
            return 0;
        }

        @Override
        public float floatValue() {
            return 0.1f;
        }

        @Override
        public double doubleValue() {
            return 0.1;
        }

        @Override
        public String toString() {
            return "0.10000000000000000001";
        }
    }

    @Test
    void otherNumberTypes_andFloats_areWrittenAsNumbers() {
        LongAdder adder = new LongAdder();
        adder.add(7);
        DoubleAdder doubles = new DoubleAdder();
        doubles.add(2.5);
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.imperative("T#numbers", "", 0, (request, message) -> {
                    message.push("atomic_int", new AtomicInteger(3));
                    message.push("atomic_long", new AtomicLong(9_007_199_254_740_993L));
                    message.push("long_adder", adder);
                    message.push("double_adder", doubles);
                    message.push("custom", new Cents(1250));
                    message.push("exact", new Exact());
                    message.push("float", 0.1f);
                    message.push("floats", new float[] {0.1f, 1.5f});
                    message.push("float_nan", Float.NaN);
                    return null;
                })))) {
            assertThat(Http.get(server, "/api/message/index").body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{"
                    + "\"atomic_int\":3,\"atomic_long\":9007199254740993,\"long_adder\":7,\"double_adder\":2.5,"
                    + "\"custom\":12.5,\"exact\":0.10000000000000000001,\"float\":0.1,\"floats\":[0.1,1.5],"
                    + "\"float_nan\":\"NaN\"}}");
        }
    }
}

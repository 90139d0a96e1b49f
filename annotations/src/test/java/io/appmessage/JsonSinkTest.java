package io.appmessage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.appmessage.spi.JsonSink;

class JsonSinkTest {

    /** Keeps the doubles it is given; only numbers are written here. */
    private static final class Doubles implements JsonSink {
        final List<Double> written = new ArrayList<>();

        @Override public void beginObject() { throw new UnsupportedOperationException(); }
        @Override public void endObject() { throw new UnsupportedOperationException(); }
        @Override public void beginArray() { throw new UnsupportedOperationException(); }
        @Override public void endArray() { throw new UnsupportedOperationException(); }
        @Override public void name(String name) { throw new UnsupportedOperationException(); }
        @Override public void string(String value) { throw new UnsupportedOperationException(); }
        @Override public void number(long value) { throw new UnsupportedOperationException(); }
        @Override public void number(double value) { written.add(value); }
        @Override public void bool(boolean value) { throw new UnsupportedOperationException(); }
        @Override public void nullValue() { throw new UnsupportedOperationException(); }
        @Override public void value(Object value) { throw new UnsupportedOperationException(); }
    }

    @Test
    void floatNumber_reachesTheDoubleOverloadAsItsShortestDecimal() {
        Doubles sink = new Doubles();

        sink.number(0.1f);
        sink.number(3.4028235e38f);
        sink.number(Float.NaN);

        assertEquals(List.of(0.1, 3.4028235e38, Double.NaN), sink.written);
    }
}

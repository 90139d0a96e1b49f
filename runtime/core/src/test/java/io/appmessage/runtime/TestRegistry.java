package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.InstanceProvider;
import io.appmessage.spi.JsonWriter;
import io.appmessage.spi.JsonWriters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written registry shaped like the processor's generated {@code HandlerRegister}: handler
 * calls are lambdas, record writers are registered by class.
 */
final class TestRegistry implements HandlerRegistry {

    private final List<HandlerDescriptor> handlers = new ArrayList<>();
    private final Map<Class<?>, JsonWriter<?>> writers = new LinkedHashMap<>();

    static TestRegistry of(HandlerDescriptor... handlers) {
        TestRegistry r = new TestRegistry();
        r.handlers.addAll(List.of(handlers));
        return r;
    }

    <T> TestRegistry writer(Class<T> type, JsonWriter<T> writer) {
        writers.put(type, writer);
        return this;
    }

    @Override
    public List<HandlerDescriptor> handlers(InstanceProvider instances) {
        return handlers;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void registerWriters(JsonWriters target) {
        writers.forEach((type, writer) -> target.register((Class) type, (JsonWriter) writer));
    }
}

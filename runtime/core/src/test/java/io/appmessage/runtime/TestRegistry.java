package io.appmessage.runtime;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.spi.DispatchedCall;
import io.appmessage.spi.HandlerCall;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerDispatch;
import io.appmessage.spi.HandlerSteps;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.InstanceProvider;
import io.appmessage.spi.JsonWriter;
import io.appmessage.spi.JsonWriters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written registry shaped like the processor's generated {@code HandlerRegister}: handler
 * calls are lambdas, record writers are registered by class. {@link #of} runs the lambdas through one
 * {@link HandlerDispatch} that follows the generated code's protocol (the path every generated register
 * takes); {@link #plain} hands the runtime the lambdas themselves (registers of contract version 2).
 */
final class TestRegistry implements HandlerRegistry {

    private static final Comparator<HandlerDescriptor> INVOCATION_ORDER =
            Comparator.comparingInt(HandlerDescriptor::order).thenComparing(HandlerDescriptor::id);

    private final List<HandlerDescriptor> handlers = new ArrayList<>();
    private final Map<Class<?>, JsonWriter<?>> writers = new LinkedHashMap<>();

    /** The handlers, dispatched like generated code: one dispatch, indices in invocation order. */
    static TestRegistry of(HandlerDescriptor... handlers) {
        List<HandlerDescriptor> sorted = new ArrayList<>(List.of(handlers));
        sorted.sort(INVOCATION_ORDER);
        LoopDispatch dispatch = new LoopDispatch(sorted.stream().map(HandlerDescriptor::call).toArray(HandlerCall[]::new));
        TestRegistry r = new TestRegistry();
        for (int i = 0; i < sorted.size(); i++) {
            HandlerDescriptor d = sorted.get(i);
            r.handlers.add(HandlerDescriptor.of(d.id(), d.plugin(), d.order(), d.kind(), d.key(), d.blocking(),
                    new DispatchedCall(dispatch, i)));
        }
        return r;
    }

    /** The handlers as given, each called through its own lambda. */
    static TestRegistry plain(HandlerDescriptor... handlers) {
        TestRegistry r = new TestRegistry();
        r.handlers.addAll(List.of(handlers));
        return r;
    }

    /** The generated code's protocol around each call (begin, then returned or threw), as a loop. */
    private record LoopDispatch(HandlerCall[] calls) implements HandlerDispatch {
        @Override
        public void run(int from, int to, AppMessageRequest request, HandlerSteps steps) {
            for (int i = from; i < to; i++) {
                AppMessage message = steps.begin(i);
                if (message == null) {
                    return;
                }
                try {
                    steps.returned(calls[i].call(request, message));
                } catch (Throwable error) {
                    steps.threw(error);
                }
            }
        }
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

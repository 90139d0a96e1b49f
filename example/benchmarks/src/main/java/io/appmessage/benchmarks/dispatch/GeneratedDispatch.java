package io.appmessage.benchmarks.dispatch;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.InstanceProvider;
import io.appmessage.spi.DispatchedCall;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerDispatch;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.spi.HandlerSteps;
import java.util.List;

/**
 * Variant (g): one poll through a {@code HandlerRegister}, the way the runtime calls it: one call into
 * the register's generated straight-line {@link HandlerDispatch} for the run of handlers, and these
 * steps around each handler (the handler's {@code AppMessage}, a value result pushed under its key).
 * Arrays are built once; the per-poll path touches no list, iterator or map.
 *
 * <pre>{@code
 * GeneratedDispatch dispatch = GeneratedDispatch.firstOf(new HandlerRegister(), 10);
 * dispatch.poll(request, message);
 * }</pre>
 */
public final class GeneratedDispatch implements HandlerSteps {

    /** Handler ids of the benchmark's own handlers; the module's registry also holds the apps' handlers. */
    static final String DISPATCH_HANDLER_PREFIX = "io.appmessage.benchmarks.dispatch.handlers.DispatchHandler";

    private final HandlerDispatch dispatch;
    private final int from;
    private final int to;
    private final HandlerDescriptor.Kind[] kinds;
    private final String[] keys;
    private AppMessage message;
    private int current;
    private int failures;

    private GeneratedDispatch(List<HandlerDescriptor> handlers) {
        int n = handlers.size();
        DispatchedCall first = (DispatchedCall) handlers.get(0).call();
        dispatch = first.dispatch();
        from = first.index();
        to = from + n;
        kinds = new HandlerDescriptor.Kind[n];
        keys = new String[n];
        for (int i = 0; i < n; i++) {
            HandlerDescriptor d = handlers.get(i);
            DispatchedCall call = (DispatchedCall) d.call();
            if (call.dispatch() != dispatch || call.index() != from + i) {
                throw new IllegalStateException(d.id() + " is not the next handler of the register's dispatch");
            }
            kinds[i] = d.kind();
            keys[i] = d.key();
        }
    }

    /** The first {@code count} dispatch-benchmark handlers of {@code registry}, in its order (consecutive there). */
    public static GeneratedDispatch firstOf(HandlerRegistry registry, int count) {
        List<HandlerDescriptor> handlers = registry.handlers(InstanceProvider.NONE).stream()
                .filter(d -> d.id().startsWith(DISPATCH_HANDLER_PREFIX))
                .limit(count)
                .toList();
        if (handlers.size() != count) {
            throw new IllegalStateException("registry has " + handlers.size() + " dispatch handlers, wanted " + count);
        }
        return new GeneratedDispatch(handlers);
    }

    public void poll(AppMessageRequest request, AppMessage message) {
        this.message = message;
        dispatch.run(from, request, this);
    }

    /** Handlers that threw so far (none should: the benchmark's handlers only push). */
    public int failures() {
        return failures;
    }

    @Override
    public AppMessage begin(int index) {
        if (index >= to) {
            return null;
        }
        current = index - from;
        return message;
    }

    @Override
    public void returned(Object result) {
        if (result != null && kinds[current] == HandlerDescriptor.Kind.VALUE) {
            message.push(keys[current], result);
        }
    }

    @Override
    public int threw(Throwable error) {
        failures++;
        return from + current + 1;
    }
}

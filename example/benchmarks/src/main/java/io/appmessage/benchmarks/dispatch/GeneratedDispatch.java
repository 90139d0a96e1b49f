package io.appmessage.benchmarks.dispatch;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.InstanceProvider;
import java.util.List;

/**
 * Variant (g): one poll through a {@code HandlerRegister}, the way the runtime calls it: each
 * descriptor's generated {@code HandlerCall}, a value result pushed under its key. Arrays are
 * built once; the per-poll loop touches no list, iterator or map.
 *
 * <pre>{@code
 * GeneratedDispatch dispatch = GeneratedDispatch.firstOf(new HandlerRegister(), 10);
 * dispatch.poll(request, message);
 * }</pre>
 */
public final class GeneratedDispatch {

    /** Handler ids of the benchmark's own handlers; the module's registry also holds the apps' handlers. */
    static final String DISPATCH_HANDLER_PREFIX = "io.appmessage.benchmarks.dispatch.handlers.DispatchHandler";

    private final HandlerDescriptor.Kind[] kinds;
    private final String[] keys;
    private final io.appmessage.spi.HandlerCall[] calls;

    private GeneratedDispatch(List<HandlerDescriptor> handlers) {
        int n = handlers.size();
        kinds = new HandlerDescriptor.Kind[n];
        keys = new String[n];
        calls = new io.appmessage.spi.HandlerCall[n];
        for (int i = 0; i < n; i++) {
            HandlerDescriptor d = handlers.get(i);
            kinds[i] = d.kind();
            keys[i] = d.key();
            calls[i] = d.call();
        }
    }

    /** The first {@code count} dispatch-benchmark handlers of {@code registry}, in its order. */
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

    public void poll(AppMessageRequest request, AppMessage message) throws Exception {
        for (int i = 0; i < calls.length; i++) {
            Object value = calls[i].call(request, message);
            if (value != null && kinds[i] == HandlerDescriptor.Kind.VALUE) {
                message.push(keys[i], value);
            }
        }
    }
}

package io.appmessage.example.handlers;

import io.appmessage.InstanceProvider;

/**
 * The app's {@link InstanceProvider}: hands the generated {@code HandlerRegister} the handler
 * objects it cannot build with a no-arg constructor ({@link OrderHandlers} needs its
 * {@link OrderBook}), as a DI container would. Asked once per handler class, at start-up.
 *
 * <pre>{@code
 * AppMessageServer.builder().instanceProvider(DemoInstances.create())
 * }</pre>
 */
public final class DemoInstances implements InstanceProvider {

    private final OrderHandlers orderHandlers;

    private DemoInstances(OrderHandlers orderHandlers) {
        this.orderHandlers = orderHandlers;
    }

    /** The demo shop's objects, over {@link OrderBook#demo()}. */
    public static DemoInstances create() {
        return new DemoInstances(new OrderHandlers(OrderBook.demo()));
    }

    @Override
    public <T> T get(Class<T> type) {
        // null = "not mine": the generated code builds every other handler class itself
        return type == OrderHandlers.class ? type.cast(orderHandlers) : null;
    }
}

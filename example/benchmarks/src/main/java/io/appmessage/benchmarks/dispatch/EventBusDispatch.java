package io.appmessage.benchmarks.dispatch;

import com.google.common.eventbus.EventBus;
import io.appmessage.AppMessage;
import io.appmessage.benchmarks.dispatch.handlers.HandlerObjects;

/**
 * Variant (b): Guava's {@code EventBus}, the poll's collector posted as the event to the same
 * handler objects' {@code @Subscribe} methods (marked {@code @AllowConcurrentEvents}, EventBus's
 * fastest configuration).
 *
 * <pre>{@code
 * EventBusDispatch dispatch = new EventBusDispatch(10);
 * dispatch.poll(message);
 * }</pre>
 */
public final class EventBusDispatch {

    private final EventBus bus = new EventBus("appmessage-benchmark");

    public EventBusDispatch(int count) {
        HandlerObjects.newHandlers().subList(0, count).forEach(bus::register);
    }

    public void poll(AppMessage message) {
        bus.post(message);
    }
}

package io.appmessage.example.handlers;

import io.appmessage.AppMessageRequest;
import io.appmessage.OnAppMessageRequest;

/**
 * Pushes {@code order_status}: the polling user's latest order. Anonymous polls get nothing (a
 * null result pushes nothing). This class has no no-arg constructor, so the generated code asks the
 * app's {@code InstanceProvider} for it, as a DI container would supply it.
 */
public final class OrderHandlers {

    private final OrderBook orders;

    public OrderHandlers(OrderBook orders) {
        this.orders = orders;
    }

    @OnAppMessageRequest(value = "order_status", order = 20)
    OrderStatus latestOrder(AppMessageRequest request) {
        return request.userId().flatMap(orders::latestOf).orElse(null);
    }
}

package io.appmessage.example.peer.shop;

import io.appmessage.AppMessageRequest;
import io.appmessage.OnAppMessageRequest;
import org.springframework.stereotype.Component;

/** Pushes {@code order_status}: the polling user's latest order; a bean with its service injected. */
@Component
public class OrderHandlers {

    private final OrderBook orders;

    public OrderHandlers(OrderBook orders) {
        this.orders = orders;
    }

    @OnAppMessageRequest(value = "order_status", order = 20)
    public String latestOrder(AppMessageRequest request) {
        return request.userId().flatMap(orders::latestStatusOf).orElse(null);
    }
}

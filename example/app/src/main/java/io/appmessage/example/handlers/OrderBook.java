package io.appmessage.example.handlers;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo shop's orders: each demo user's latest order. Stands in for the app's own repository,
 * and shows how handler objects get their dependencies through an {@code InstanceProvider}.
 */
public final class OrderBook {

    private final Map<String, OrderStatus> latestByUser = new ConcurrentHashMap<>();

    /** The three demo users' orders. */
    public static OrderBook demo() {
        OrderBook book = new OrderBook();
        book.put(new OrderStatus("alice", "A-1001", "shipped"));
        book.put(new OrderStatus("bob", "B-2002", "paid"));
        book.put(new OrderStatus("carol", "C-3003", "delivered"));
        return book;
    }

    /** Records {@code order} as its user's latest. */
    public void put(OrderStatus order) {
        latestByUser.put(order.userId(), order);
    }

    /** The user's latest order, if any. */
    public Optional<OrderStatus> latestOf(String userId) {
        return Optional.ofNullable(latestByUser.get(userId));
    }
}

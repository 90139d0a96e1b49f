package io.appmessage.example.spring;

import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Optional;

/** The shop's orders: each demo user's latest order (a service of the app, injected into the handler bean). */
@Service
public class OrderBook {

    private final Map<String, OrderStatus> latestByUser = Map.of(
            "alice", new OrderStatus("alice", "A-1001", "shipped"),
            "bob", new OrderStatus("bob", "B-2002", "paid"),
            "carol", new OrderStatus("carol", "C-3003", "delivered"));

    /** The user's latest order, if they have one. */
    public Optional<OrderStatus> latestOf(String userId) {
        return Optional.ofNullable(latestByUser.get(userId));
    }
}

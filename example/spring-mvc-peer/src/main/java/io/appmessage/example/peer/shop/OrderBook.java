package io.appmessage.example.peer.shop;

import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Optional;

/** The shop's orders (a service of the app, injected into the handler bean). */
@Service
public class OrderBook {

    private final Map<String, String> latest = Map.of("alice", "shipped", "bob", "paid");

    /** The status of the user's latest order, if they have one. */
    public Optional<String> latestStatusOf(String userId) {
        return Optional.ofNullable(latest.get(userId));
    }
}

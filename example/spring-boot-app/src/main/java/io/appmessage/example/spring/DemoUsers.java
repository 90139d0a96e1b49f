package io.appmessage.example.spring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo shop's three users and their fixed tokens, shared by the poll's {@link ShopAuthenticator}
 * and the send endpoint, so both accept exactly the same people.
 *
 * <pre>{@code
 * DemoUsers.byToken("demo-alice");   // Optional[alice]
 * DemoUsers.exists("bob");           // true
 * }</pre>
 */
public final class DemoUsers {

    /** The demo user ids, in the order the page lists them. */
    public static final List<String> IDS = List.of("alice", "bob", "carol");

    private static final Map<String, String> USERS_BY_TOKEN = Map.of(
            "demo-alice", "alice",
            "demo-bob", "bob",
            "demo-carol", "carol");

    private DemoUsers() {
    }

    /** The user a demo token stands for; empty for null or any other token. */
    public static Optional<String> byToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(USERS_BY_TOKEN.get(token));
    }

    /** Whether {@code userId} is one of the demo users. */
    public static boolean exists(String userId) {
        return IDS.contains(userId);
    }
}

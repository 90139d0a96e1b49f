package io.appmessage.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * Who polls, as the {@link Authenticator} resolved it: the user id handlers see through
 * {@code AppMessageRequest.userId()}, and attributes they see through {@code attribute(name)}.
 *
 * <pre>{@code
 * Identity.of("alice");
 * Identity.of("alice", Map.of("tenant", "shop-7"));
 * }</pre>
 *
 * @param userId     a non-blank user id
 * @param attributes attributes for handlers (copied, unmodifiable)
 */
public record Identity(String userId, Map<String, Object> attributes) {

    public Identity {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        attributes = Map.copyOf(attributes);
    }

    /** An identity without attributes. */
    public static Identity of(String userId) {
        return new Identity(userId, Map.of());
    }

    /** An identity with attributes (a tenant id, say). */
    public static Identity of(String userId, Map<String, Object> attributes) {
        return new Identity(userId, attributes);
    }
}

package io.appmessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The poll being answered: who polls, what they sent, and when.
 *
 * <pre>{@code
 * @OnAppMessageRequest("order_status")
 * OrderStatus status(AppMessageRequest request) {
 *     return request.userId().map(orders::latestOf).orElse(null); // anonymous polls get nothing
 * }
 * }</pre>
 *
 * <p>The identity comes from the {@code X-Access-Token} header or the {@code access_token} query
 * parameter, resolved by the application's authenticator on every poll. The poll needs no login:
 * an anonymous poll has an empty {@link #userId()}.
 */
public interface AppMessageRequest {

    /** The authenticated user's id, or empty for an anonymous poll. */
    Optional<String> userId();

    /** True when {@link #userId()} is present. */
    default boolean authenticated() {
        return userId().isPresent();
    }

    /** The first value of a query parameter, or {@code null} when absent. */
    String queryParameter(String name);

    /** All query parameters, in the order received; unmodifiable. */
    Map<String, List<String>> queryParameters();

    /** The first value of a header, matched case-insensitively, or {@code null} when absent. */
    String header(String name);

    /**
     * An attribute the authenticator set for this poll (a tenant id, say), or {@code null}.
     */
    Object attribute(String name);

    /** All attributes the authenticator set for this poll; unmodifiable. */
    Map<String, Object> attributes();

    /** When the server received the poll. */
    Instant receivedAt();
}

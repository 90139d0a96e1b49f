package io.appmessage.benchmarks.dispatch;

import io.appmessage.AppMessageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One poll's request, built once and handed to every dispatch: the benchmark measures the call
 * path, not request parsing.
 *
 * <pre>{@code
 * AppMessageRequest request = new FixedRequest("alice");
 * }</pre>
 */
public final class FixedRequest implements AppMessageRequest {

    private final Optional<String> userId;
    private final Instant receivedAt = Instant.parse("2025-01-01T00:00:00Z");

    public FixedRequest(String userId) {
        this.userId = Optional.ofNullable(userId);
    }

    @Override
    public Optional<String> userId() {
        return userId;
    }

    @Override
    public String queryParameter(String name) {
        return null;
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        return Map.of();
    }

    @Override
    public String header(String name) {
        return null;
    }

    @Override
    public Object attribute(String name) {
        return null;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }

    @Override
    public Instant receivedAt() {
        return receivedAt;
    }
}

package io.appmessage.processor.support;

import io.appmessage.AppMessageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A poll from {@code userId} (null for anonymous) with the given query parameters. */
public record TestRequest(String user, Map<String, String> query) implements AppMessageRequest {

    @Override
    public Optional<String> userId() {
        return Optional.ofNullable(user);
    }

    @Override
    public String queryParameter(String name) {
        return query.get(name);
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> all = new java.util.LinkedHashMap<>();
        query.forEach((name, value) -> all.put(name, List.of(value)));
        return all;
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
        return Instant.EPOCH;
    }
}

package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link AppMessageRequest} handlers see: a view over what the adapter parsed, no copying of headers. */
final class PollRequestView implements AppMessageRequest {

    private final Optional<String> userId;
    private final Map<String, List<String>> query;
    private final HeaderLookup headers;
    private final Map<String, Object> attributes;
    private final long receivedAtMillis;

    PollRequestView(Optional<String> userId, Map<String, List<String>> query, HeaderLookup headers,
                    Map<String, Object> attributes, long receivedAtMillis) {
        this.userId = userId;
        this.query = query;
        this.headers = headers;
        this.attributes = attributes;
        this.receivedAtMillis = receivedAtMillis;
    }

    @Override
    public Optional<String> userId() {
        return userId;
    }

    @Override
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        return query;
    }

    @Override
    public String header(String name) {
        return headers.first(name);
    }

    @Override
    public Object attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public Instant receivedAt() {
        return Instant.ofEpochMilli(receivedAtMillis);
    }

    @Override
    public String toString() {
        return "poll of " + userId.orElse("anonymous");
    }
}

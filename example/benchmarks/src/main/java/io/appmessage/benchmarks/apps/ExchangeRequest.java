package io.appmessage.benchmarks.apps;

import io.appmessage.AppMessageRequest;
import io.undertow.server.HttpServerExchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AppMessageRequest} over an Undertow exchange, for the scanning comparison app. Demo tokens
 * as in the example: {@code demo-alice} is user {@code alice}.
 *
 * <pre>{@code
 * AppMessageRequest request = new ExchangeRequest(exchange);
 * }</pre>
 */
final class ExchangeRequest implements AppMessageRequest {

    private final HttpServerExchange exchange;
    private final Optional<String> userId;
    private final Instant receivedAt = Instant.now();

    ExchangeRequest(HttpServerExchange exchange) {
        this.exchange = exchange;
        String token = exchange.getRequestHeaders().getFirst("X-Access-Token");
        if (token == null) {
            Deque<String> query = exchange.getQueryParameters().get("access_token");
            token = query == null ? null : query.peekFirst();
        }
        this.userId = token != null && token.startsWith("demo-") ? Optional.of(token.substring(5)) : Optional.empty();
    }

    @Override
    public Optional<String> userId() {
        return userId;
    }

    @Override
    public String queryParameter(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? null : values.peekFirst();
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        exchange.getQueryParameters().forEach((name, values) -> all.put(name, List.copyOf(new ArrayList<>(values))));
        return Map.copyOf(all);
    }

    @Override
    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
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

package io.appmessage.metrics.internal;

import io.appmessage.runtime.Plugins;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener's routes: {@code GET /metrics} (Prometheus text, open: the listener is loopback
 * unless configured otherwise), and the console behind the admin token: {@code GET /console} (the page),
 * {@code GET /console/state} (its JSON), {@code POST /console/plugins} (switch a plugin) and
 * {@code POST /console/send} (a test message). A console request without the right token gets 401 and an
 * empty body; with no token configured the console answers 404.
 */
public final class ManagementRoutes implements HttpHandler {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementRoutes.class);
    private static final int MAX_FORM_BYTES = 64 * 1024;

    private final PrometheusMeterRegistry prometheus;
    private final ConsoleState state;
    private final Plugins plugins;
    private final AppMessageOutbox outbox;
    private final byte[] adminToken;
    private final byte[] page;

    public ManagementRoutes(PrometheusMeterRegistry prometheus, ConsoleState state, Plugins plugins,
            AppMessageOutbox outbox, String adminToken) {
        this.prometheus = prometheus;
        this.state = state;
        this.plugins = plugins;
        this.outbox = outbox;
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.page = ConsolePage.load();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // a scrape and a send may block: never on the I/O thread
            return;
        }
        String path = exchange.getRelativePath();
        boolean get = exchange.getRequestMethod().equals(Methods.GET);
        boolean post = exchange.getRequestMethod().equals(Methods.POST);
        if (path.equals("/metrics")) {
            if (!get) {
                answer(exchange, 405, "text/plain", "GET only");
                return;
            }
            answer(exchange, 200, PROMETHEUS_TEXT, prometheus.scrape());
            return;
        }
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            answer(exchange, 404, "text/plain", "not found: /metrics and /console are served here");
            return;
        }
        if (adminToken == null) {
            answer(exchange, 404, "text/plain", "console off: no admin token is set");
            return;
        }
        if (!authorized(exchange)) {
            exchange.setStatusCode(401);
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
            exchange.endExchange();
            return;
        }
        switch (path) {
            case "/console" -> {
                if (get) {
                    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
                    exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(page));
                } else {
                    answer(exchange, 405, "text/plain", "GET only");
                }
            }
            case "/console/state" -> answer(exchange, 200, "application/json", state.json());
            case "/console/plugins" -> switchPlugin(exchange, post);
            case "/console/send" -> sendTestMessage(exchange, post);
            default -> answer(exchange, 404, "text/plain", "not found");
        }
    }

    private void switchPlugin(HttpServerExchange exchange, boolean post) {
        if (!post) {
            answer(exchange, 405, "text/plain", "POST only");
            return;
        }
        Map<String, String> form = form(exchange);
        String plugin = form.get("plugin");
        String enabled = form.get("enabled");
        if (plugins == null || plugin == null || plugin.isBlank() || enabled == null) {
            answer(exchange, 400, "text/plain", plugins == null ? "this console was started without the server's plugins"
                    : "form fields plugin and enabled (true/false) are required");
            return;
        }
        if (Boolean.parseBoolean(enabled)) {
            plugins.enable(plugin);
        } else {
            plugins.disable(plugin);
        }
        LOG.info("console: plugin {} switched {}", plugin, plugins.isEnabled(plugin) ? "on" : "off");
        answer(exchange, 200, "application/json", "{\"plugin\":" + quoted(plugin) + ",\"enabled\":" + plugins.isEnabled(plugin) + "}");
    }

    private void sendTestMessage(HttpServerExchange exchange, boolean post) {
        if (!post) {
            answer(exchange, 405, "text/plain", "POST only");
            return;
        }
        Map<String, String> form = form(exchange);
        String user = form.get("user");
        String key = form.get("key");
        String json = form.get("json");
        if (outbox == null) {
            answer(exchange, 400, "text/plain", "this console was started without an outbox: no test messages");
            return;
        }
        if (user == null || user.isBlank() || key == null || key.isBlank() || json == null || json.isBlank()) {
            answer(exchange, 400, "text/plain", "form fields user, key and json are required");
            return;
        }
        try {
            long id = outbox.sendJson(user, key, json);
            LOG.info("console: test message {} sent under key {}", id, key);
            answer(exchange, 200, "application/json", "{\"id\":" + id + "}");
        } catch (IllegalArgumentException e) {
            answer(exchange, 400, "text/plain", e.getMessage());
        } catch (OutboxUnavailableException e) {
            answer(exchange, 503, "text/plain", "the outbox is unavailable: " + e.getMessage());
        }
    }

    private boolean authorized(HttpServerExchange exchange) {
        String given = null;
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header != null && header.startsWith("Bearer ")) {
            given = header.substring("Bearer ".length()).trim();
        } else {
            Deque<String> query = exchange.getQueryParameters().get("token");
            if (query != null && !query.isEmpty()) {
                given = URLDecoder.decode(query.getFirst(), StandardCharsets.UTF_8);
            }
        }
        return given != null && MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(HttpServerExchange exchange) {
        exchange.startBlocking();
        byte[] body;
        try (InputStream in = exchange.getInputStream()) {
            body = in.readNBytes(MAX_FORM_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String quoted(String text) {
        return new Json().value(text).toString();
    }

    private static void answer(HttpServerExchange exchange, int status, String contentType, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}

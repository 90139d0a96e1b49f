package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.internal.dispatch.PollEngine;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;

/**
 * The standalone server's root handler: the poll path, the health path, and the app's other routes
 * (or 404 with the envelope) everywhere else. Exact string comparison of the raw path, no router:
 * two paths need none.
 */
public final class ServerRoutes implements HttpHandler {

    private final String pollPath;
    private final String healthPath;
    private final HttpHandler poll;
    private final PollEngine engine;
    private final HttpHandler otherRoutes;

    /** {@code healthPath} null switches health off; {@code otherRoutes} null answers 404 elsewhere. */
    public ServerRoutes(String pollPath, String healthPath, HttpHandler poll, PollEngine engine,
                        HttpHandler otherRoutes) {
        this.otherRoutes = otherRoutes;
        this.pollPath = pollPath;
        this.healthPath = healthPath;
        this.poll = poll;
        this.engine = engine;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (pollPath.equals(path)) {
            poll.handleRequest(exchange);
        } else if (healthPath != null && healthPath.equals(path)) {
            health(exchange);
        } else if (otherRoutes != null) {
            otherRoutes.handleRequest(exchange);
        } else {
            Responses.send(exchange, engine.answers().notFound);
        }
    }

    /** 200 while serving, 503 once shutdown began, so a load balancer drains this node first. */
    private void health(HttpServerExchange exchange) {
        if (!Methods.GET.equals(exchange.getRequestMethod()) && !Methods.HEAD.equals(exchange.getRequestMethod())) {
            Responses.send(exchange, engine.answers().methodNotAllowed);
        } else if (engine.closing()) {
            Responses.send(exchange, engine.answers().shuttingDown);
        } else {
            Responses.send(exchange, engine.answers().healthy);
        }
    }
}

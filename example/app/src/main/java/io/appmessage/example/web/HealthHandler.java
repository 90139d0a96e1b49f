package io.appmessage.example.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;

/**
 * {@code GET /health}: {@code 200 {"code":0,"msg":"ok","data":null}} while serving, 503 once
 * shutdown began so a load balancer drains this node first. The runtime's standalone server has
 * its own; an app that mounts the poll handler in its own Undertow (as this one does) brings one.
 */
public final class HealthHandler implements HttpHandler {

    private volatile boolean closing;

    /** From now on answer 503. */
    public void beginClose() {
        closing = true;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        if (!Methods.GET.equals(exchange.getRequestMethod()) && !Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            exchange.getResponseSender().send("{\"code\":405,\"msg\":\"method not allowed\",\"data\":null}");
        } else if (closing) {
            exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
            exchange.getResponseSender().send("{\"code\":503,\"msg\":\"shutting down\",\"data\":null}");
        } else {
            exchange.getResponseSender().send("{\"code\":0,\"msg\":\"ok\",\"data\":null}");
        }
    }
}

package io.appmessage.runtime.http;

import io.appmessage.runtime.PollResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.nio.ByteBuffer;

/** Sends a {@link PollResponse} through an Undertow exchange, from any thread. */
final class Responses {

    static final HttpString ALLOW = Headers.ALLOW;
    static final String ALLOWED_METHODS = "GET, POST";

    private Responses() {
    }

    static void send(HttpServerExchange exchange, PollResponse response) {
        if (exchange.isResponseStarted()) {
            return; // the client is gone or something answered already; nothing left to say
        }
        exchange.setStatusCode(response.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, PollResponse.CONTENT_TYPE);
        if (response.retryAfterSeconds() > 0) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, response.retryAfterSeconds());
        }
        if (response.status() == 405) {
            exchange.getResponseHeaders().put(ALLOW, ALLOWED_METHODS);
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
    }
}

package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.PollResponse;
import io.undertow.io.IoCallback;
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
        send(exchange, response, IoCallback.END_EXCHANGE);
    }

    /** Sends with {@code callback} told when the bytes are written; false when nothing was sent. */
    static boolean send(HttpServerExchange exchange, PollResponse response, IoCallback callback) {
        if (exchange.isResponseStarted()) {
            return false; // the client is gone or something answered already; nothing left to say
        }
        exchange.setStatusCode(response.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, PollResponse.CONTENT_TYPE);
        StandardHeaders.addTo(exchange.getResponseHeaders());
        if (response.retryAfterSeconds() > 0) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, response.retryAfterSeconds());
        }
        if (response.status() == 405) {
            exchange.getResponseHeaders().put(ALLOW, ALLOWED_METHODS);
        }
        // set here: Undertow adds Content-Length by itself only for its own END_EXCHANGE callback
        exchange.setResponseContentLength(response.body().length);
        exchange.getResponseSender().send(ByteBuffer.wrap(response.body()), callback);
        return true;
    }
}

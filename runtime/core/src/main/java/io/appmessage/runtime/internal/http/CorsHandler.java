package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.CorsSettings;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * Answers CORS preflights and adds CORS headers to every answer for an allowed origin, then hands the
 * request on. Wraps all the server's routes, so the poll path, the health path and the app's own routes
 * (a send endpoint) follow one policy.
 *
 * <p>The rules (Fetch standard, "CORS protocol", https://fetch.spec.whatwg.org/#http-cors-protocol):
 * <ul>
 *   <li>A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here with
 *       {@code 204}; the allow headers are present only when the origin, the method and every requested
 *       header are allowed. A refused preflight gets the same {@code 204} without them, so the browser
 *       blocks the request and the answer tells a probing page nothing.</li>
 *   <li>Any other request runs as usual; an allowed origin's answer carries
 *       {@code Access-Control-Allow-Origin} and the exposed headers. {@code Vary: Origin} is on every answer
 *       to a request with an {@code Origin}, so a shared cache never hands one origin's answer to another.</li>
 * </ul>
 */
final class CorsHandler implements HttpHandler {

    static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    static final HttpString ALLOW_CREDENTIALS = new HttpString("Access-Control-Allow-Credentials");
    static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");
    static final HttpString REQUEST_HEADERS = new HttpString("Access-Control-Request-Headers");
    static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private final CorsPolicy policy;
    private final HttpHandler next;

    private CorsHandler(CorsPolicy policy, HttpHandler next) {
        this.policy = policy;
        this.next = next;
    }

    /** {@code next} itself when CORS is off: no cost on the poll path. */
    static HttpHandler wrap(CorsSettings settings, HttpHandler next) {
        return settings.enabled() ? new CorsHandler(new CorsPolicy(settings), next) : next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap request = exchange.getRequestHeaders();
        String origin = request.getFirst(Headers.ORIGIN);
        if (origin == null) {
            next.handleRequest(exchange);
            return;
        }
        HeaderMap response = exchange.getResponseHeaders();
        if (Methods.OPTIONS.equals(exchange.getRequestMethod()) && request.contains(REQUEST_METHOD)) {
            preflight(exchange, origin, request, response);
            return;
        }
        response.add(Headers.VARY, "Origin");
        if (policy.allowsOrigin(origin)) {
            response.put(ALLOW_ORIGIN, policy.allowOriginValue(origin));
            if (policy.credentials()) {
                response.put(ALLOW_CREDENTIALS, "true");
            }
            if (!policy.exposedHeadersValue().isEmpty()) {
                response.put(EXPOSE_HEADERS, policy.exposedHeadersValue());
            }
        }
        next.handleRequest(exchange);
    }

    private void preflight(HttpServerExchange exchange, String origin, HeaderMap request, HeaderMap response) {
        response.put(Headers.VARY, PREFLIGHT_VARY);
        StandardHeaders.addTo(response);
        if (policy.allowsOrigin(origin) && policy.allowsMethod(request.getFirst(REQUEST_METHOD))
                && policy.allowsHeaders(request.getFirst(REQUEST_HEADERS))) {
            response.put(ALLOW_ORIGIN, policy.allowOriginValue(origin));
            response.put(ALLOW_METHODS, CorsPolicy.ALLOWED_METHODS);
            if (!policy.allowedHeadersValue().isEmpty()) {
                response.put(ALLOW_HEADERS, policy.allowedHeadersValue());
            }
            response.put(MAX_AGE, policy.maxAgeSeconds());
            if (policy.credentials()) {
                response.put(ALLOW_CREDENTIALS, "true");
            }
        }
        exchange.setStatusCode(204);
        exchange.setResponseContentLength(0);
        exchange.endExchange();
    }
}

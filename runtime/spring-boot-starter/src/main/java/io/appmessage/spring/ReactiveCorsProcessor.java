package io.appmessage.spring;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The poll path's CORS on WebFlux, by {@link CorsRules}: a preflight answered {@code 204} here, any other
 * request let through with the CORS headers its origin earns (Spring's default would answer a refused origin
 * {@code 403}).
 */
final class ReactiveCorsProcessor implements CorsProcessor {

    @Override
    public boolean process(CorsConfiguration config, ServerWebExchange exchange) {
        HttpHeaders request = exchange.getRequest().getHeaders();
        String origin = request.getOrigin();
        if (config == null || origin == null) {
            return true;
        }
        HttpHeaders response = exchange.getResponse().getHeaders();
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            CorsRules.preflight(config, origin, request.getFirst("Access-Control-Request-Method"),
                    request.getFirst("Access-Control-Request-Headers")).forEach(response::set);
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            return false;
        }
        CorsRules.actual(config, origin).forEach(response::set);
        return true;
    }
}

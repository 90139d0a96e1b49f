package io.appmessage.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.CorsUtils;

/**
 * The poll path's CORS on Spring MVC, by {@link CorsRules}: a preflight answered {@code 204} here, any other
 * request let through with the CORS headers its origin earns (Spring's default would answer a refused origin
 * {@code 403} with a body of its own).
 */
final class ServletCorsProcessor implements CorsProcessor {

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (config == null || origin == null) {
            return true;
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            CorsRules.preflight(config, origin, request.getHeader("Access-Control-Request-Method"),
                    request.getHeader("Access-Control-Request-Headers")).forEach(response::setHeader);
            response.setStatus(204);
            response.setContentLength(0);
            return false;
        }
        CorsRules.actual(config, origin).forEach(response::setHeader);
        return true;
    }
}

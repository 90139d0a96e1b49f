package io.appmessage.spring;

import io.appmessage.runtime.CorsSettings;
import io.appmessage.runtime.PollResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone server's CORS answer for the poll path, decided by Spring's {@link CorsConfiguration}
 * (which matches origin patterns such as {@code https://*.shop.com}); the MVC and WebFlux processors only
 * write what it returns.
 *
 * <ul>
 *   <li>A preflight is answered {@code 204}, its allow headers present only when the origin, the method and
 *       every requested header are allowed: a refused preflight gets the same empty {@code 204} without
 *       them, so the browser blocks the request and a probing page learns nothing.</li>
 *   <li>Any other request runs as usual; an allowed origin's answer carries {@code Access-Control-Allow-Origin}
 *       and the exposed headers. {@code Vary: Origin} is on every answer to a request with an {@code Origin}.</li>
 * </ul>
 */
final class CorsRules {

    static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    /** The poll answers GET and POST (HEAD as GET). */
    static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "HEAD");

    private CorsRules() {
    }

    /** Spring's CORS configuration of the poll path for these settings; {@code null} when CORS is off. */
    static CorsConfiguration configuration(CorsSettings settings) {
        if (!settings.enabled()) {
            return null;
        }
        CorsConfiguration config = new CorsConfiguration();
        for (String origin : settings.allowedOrigins()) {
            if (origin.contains("*")) {
                config.addAllowedOriginPattern(origin); // "*" or https://*.shop.com
            } else {
                config.addAllowedOrigin(origin);
            }
        }
        config.setAllowedMethods(ALLOWED_METHODS);
        config.setAllowedHeaders(settings.allowedHeaders());
        config.setExposedHeaders(settings.exposedHeaders());
        config.setMaxAge(settings.maxAge());
        config.setAllowCredentials(settings.credentials());
        return config;
    }

    /** The headers of a preflight's {@code 204}: the standard ones always, the allow headers when all is allowed. */
    static Map<String, String> preflight(CorsConfiguration config, String origin, String method, String requestHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(PollResponse.HEADERS);
        headers.put("Vary", PREFLIGHT_VARY);
        String allowedOrigin = allowedOrigin(config, origin);
        HttpMethod requested = method == null ? null : HttpMethod.valueOf(method);
        if (allowedOrigin != null && requested != null && config.checkHttpMethod(requested) != null
                && headersAllowed(config, requestHeaders)) {
            headers.put("Access-Control-Allow-Origin", allowedOrigin);
            headers.put("Access-Control-Allow-Methods", String.join(", ", ALLOWED_METHODS));
            if (!config.getAllowedHeaders().isEmpty()) {
                headers.put("Access-Control-Allow-Headers", String.join(", ", config.getAllowedHeaders()));
            }
            headers.put("Access-Control-Max-Age", Long.toString(config.getMaxAge()));
            if (Boolean.TRUE.equals(config.getAllowCredentials())) {
                headers.put("Access-Control-Allow-Credentials", "true");
            }
        }
        return headers;
    }

    /** The CORS headers of an ordinary answer to a request from {@code origin} (none but Vary for one not allowed). */
    static Map<String, String> actual(CorsConfiguration config, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Vary", "Origin");
        String allowedOrigin = allowedOrigin(config, origin);
        if (allowedOrigin != null) {
            headers.put("Access-Control-Allow-Origin", allowedOrigin);
            if (Boolean.TRUE.equals(config.getAllowCredentials())) {
                headers.put("Access-Control-Allow-Credentials", "true");
            }
            if (config.getExposedHeaders() != null && !config.getExposedHeaders().isEmpty()) {
                headers.put("Access-Control-Expose-Headers", String.join(", ", config.getExposedHeaders()));
            }
        }
        return headers;
    }

    /** The {@code Access-Control-Allow-Origin} value for {@code origin}, or {@code null} when it may not read answers. */
    private static String allowedOrigin(CorsConfiguration config, String origin) {
        if (origin == null || origin.isEmpty() || origin.equals("null")) {
            // "null" is what sandboxed frames and file: pages send; allowing it would allow all of them
            return null;
        }
        if (config.checkOrigin(origin) == null) {
            return null;
        }
        boolean anyOrigin = config.getAllowedOriginPatterns() != null && config.getAllowedOriginPatterns().contains("*");
        return anyOrigin && !Boolean.TRUE.equals(config.getAllowCredentials()) ? "*" : origin;
    }

    private static boolean headersAllowed(CorsConfiguration config, String requestHeaders) {
        if (requestHeaders == null || requestHeaders.isBlank()) {
            return true;
        }
        List<String> names = Arrays.stream(requestHeaders.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> allowed = names.isEmpty() ? names : config.checkHeaders(names); // the allowed ones among them
        return allowed != null && allowed.size() == names.size();
    }
}

package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.CorsSettings;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, for one request, what the CORS answer is: whether its origin may read answers, and whether a
 * preflight's method and headers are allowed. Knows nothing of HTTP libraries; {@link CorsHandler} applies it.
 *
 * <pre>{@code
 * CorsPolicy policy = new CorsPolicy(CorsSettings.allowOrigins("https://*.shop.com"));
 * policy.allowsOrigin("https://m.shop.com");        // true
 * policy.allowsOrigin("https://shop.com");          // false: a pattern covers subdomains only
 * }</pre>
 */
final class CorsPolicy {

    /** The methods a cross-origin page may use: the poll answers GET and POST, the health path GET and HEAD. */
    static final String ALLOWED_METHODS = "GET, POST, HEAD";

    private final boolean anyOrigin;
    private final Set<String> exactOrigins = new TreeSet<>();
    /** Pairs of (scheme + "://", "." + domain [+ ":" + port]) from patterns like https://*.shop.com. */
    private final List<String[]> subdomainPatterns;
    private final Set<String> allowedHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final String allowedHeadersValue;
    private final String exposedHeadersValue;
    private final String maxAgeSeconds;
    private final boolean credentials;

    CorsPolicy(CorsSettings settings) {
        this.anyOrigin = settings.allowedOrigins().contains("*");
        this.subdomainPatterns = settings.allowedOrigins().stream()
                .filter(o -> o.contains("://*."))
                .map(o -> {
                    int split = o.indexOf("://") + 3;
                    return new String[] {o.substring(0, split), o.substring(split + 1)};
                })
                .toList();
        settings.allowedOrigins().stream().filter(o -> !o.equals("*") && !o.contains("://*.")).forEach(exactOrigins::add);
        this.allowedHeaders.addAll(settings.allowedHeaders());
        this.allowedHeadersValue = String.join(", ", settings.allowedHeaders());
        this.exposedHeadersValue = String.join(", ", settings.exposedHeaders());
        this.maxAgeSeconds = Long.toString(settings.maxAge().toSeconds());
        this.credentials = settings.credentials();
    }

    /** Whether a page from {@code origin} (the request's {@code Origin} header) may read the answer. */
    boolean allowsOrigin(String origin) {
        if (origin == null || origin.isEmpty() || origin.equals("null")) {
            // "null" is what sandboxed frames and file: pages send; allowing it would allow all of them
            return false;
        }
        if (anyOrigin) {
            return true;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        if (exactOrigins.contains(o)) {
            return true;
        }
        for (String[] pattern : subdomainPatterns) {
            if (o.startsWith(pattern[0]) && o.endsWith(pattern[1])) {
                String sub = o.substring(pattern[0].length(), o.length() - pattern[1].length());
                if (!sub.isEmpty() && sub.indexOf(':') < 0 && sub.indexOf('/') < 0 && !sub.endsWith(".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a preflight's {@code Access-Control-Request-Method} is one the server answers. */
    boolean allowsMethod(String method) {
        return method != null && (method.equals("GET") || method.equals("POST") || method.equals("HEAD"));
    }

    /** Whether every header a preflight names in {@code Access-Control-Request-Headers} is allowed. */
    boolean allowsHeaders(String requestedHeaders) {
        if (requestedHeaders == null || requestedHeaders.isBlank()) {
            return true;
        }
        for (String header : requestedHeaders.split(",")) {
            String name = header.strip();
            if (!name.isEmpty() && !allowedHeaders.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code Access-Control-Allow-Origin} for an allowed origin: the origin itself, or {@code *}. */
    String allowOriginValue(String origin) {
        return anyOrigin && !credentials ? "*" : origin;
    }

    String allowedHeadersValue() {
        return allowedHeadersValue;
    }

    String exposedHeadersValue() {
        return exposedHeadersValue;
    }

    String maxAgeSeconds() {
        return maxAgeSeconds;
    }

    boolean credentials() {
        return credentials;
    }
}

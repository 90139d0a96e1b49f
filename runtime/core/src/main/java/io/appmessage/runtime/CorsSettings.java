package io.appmessage.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which web origins may poll from a browser page served elsewhere (a uni-app or Taro H5 build, a shop's
 * admin page): the Cross-Origin Resource Sharing answer of the poll path, the health path and every route
 * the server mounts for the app. Off by default: mini-programs do not send {@code Origin}, and a page served
 * by the same origin needs nothing.
 *
 * <pre>{@code
 * AppMessageServer.builder()
 *         .cors(CorsSettings.allowOrigins("https://m.shop.com", "https://*.shop.com"))
 *         .build();
 * }</pre>
 *
 * <p>The rules: an origin is {@code scheme://host[:port]}, compared exactly (case-insensitively), or a
 * pattern whose host starts with {@code *.}, which matches every subdomain (never the bare domain);
 * {@code *} alone allows any origin and cannot be combined with {@link #withCredentials() credentials}
 * (browsers refuse that pair, and it would let any site act as the user). An origin that is not allowed
 * gets an answer without CORS headers, which the browser then withholds from the page.
 */
public final class CorsSettings {

    /** Request headers a page may send by default: the token, the cursor, the idempotency key, and JSON bodies. */
    public static final List<String> DEFAULT_ALLOWED_HEADERS =
            List.of("X-Access-Token", "X-App-Message-Cursor", "Idempotency-Key", "Content-Type");
    /** Response headers a page may read by default beyond the safelisted ones. */
    public static final List<String> DEFAULT_EXPOSED_HEADERS = List.of("Retry-After");
    /** How long a browser may reuse a preflight answer by default. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    private static final CorsSettings OFF = new CorsSettings(List.of(), DEFAULT_ALLOWED_HEADERS,
            DEFAULT_EXPOSED_HEADERS, DEFAULT_MAX_AGE, false);

    private final List<String> allowedOrigins;
    private final List<String> allowedHeaders;
    private final List<String> exposedHeaders;
    private final Duration maxAge;
    private final boolean credentials;

    private CorsSettings(List<String> allowedOrigins, List<String> allowedHeaders, List<String> exposedHeaders,
                         Duration maxAge, boolean credentials) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.allowedHeaders = List.copyOf(allowedHeaders);
        this.exposedHeaders = List.copyOf(exposedHeaders);
        this.maxAge = maxAge;
        this.credentials = credentials;
        if (credentials && this.allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("CORS: the origin '*' cannot be combined with credentials "
                    + "(browsers refuse it, and any site could act as the user); list the origins instead "
                    + "(setting cors.allowedOrigins, environment variable APPMESSAGE_CORS_ALLOWED_ORIGINS)");
        }
    }

    /** No cross-origin access: the default. */
    public static CorsSettings off() {
        return OFF;
    }

    /**
     * Allows these origins ({@code https://m.shop.com}, {@code https://*.shop.com}, or {@code *}).
     *
     * @throws IllegalArgumentException naming the origin that is not of the form {@code scheme://host[:port]}
     */
    public static CorsSettings allowOrigins(String... origins) {
        return allowOrigins(List.of(origins));
    }

    /** As {@link #allowOrigins(String...)}. */
    public static CorsSettings allowOrigins(List<String> origins) {
        List<String> checked = new ArrayList<>();
        for (String origin : origins) {
            checked.add(checkOrigin(origin));
        }
        return new CorsSettings(checked, DEFAULT_ALLOWED_HEADERS, DEFAULT_EXPOSED_HEADERS, DEFAULT_MAX_AGE, false);
    }

    /** These request headers instead of {@link #DEFAULT_ALLOWED_HEADERS}. */
    public CorsSettings allowHeaders(List<String> headers) {
        return new CorsSettings(allowedOrigins, checkHeaders(headers), exposedHeaders, maxAge, credentials);
    }

    /** These response headers instead of {@link #DEFAULT_EXPOSED_HEADERS}. */
    public CorsSettings exposeHeaders(List<String> headers) {
        return new CorsSettings(allowedOrigins, allowedHeaders, checkHeaders(headers), maxAge, credentials);
    }

    /** How long a browser may cache a preflight answer; whole seconds, zero or more. */
    public CorsSettings maxAge(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("CORS max age must be zero or more, got " + maxAge);
        }
        return new CorsSettings(allowedOrigins, allowedHeaders, exposedHeaders, maxAge, credentials);
    }

    /**
     * Lets pages send cookies or HTTP authentication with the poll ({@code Access-Control-Allow-Credentials}).
     * Not needed for the token header, which is an ordinary allowed header.
     */
    public CorsSettings withCredentials() {
        return new CorsSettings(allowedOrigins, allowedHeaders, exposedHeaders, maxAge, true);
    }

    /** Whether any origin is allowed at all. */
    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    public List<String> allowedHeaders() {
        return allowedHeaders;
    }

    public List<String> exposedHeaders() {
        return exposedHeaders;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public boolean credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return enabled() ? "CORS for " + allowedOrigins + (credentials ? " with credentials" : "") : "CORS off";
    }

    private static String checkOrigin(String origin) {
        Objects.requireNonNull(origin, "origin");
        String o = origin.strip();
        if (o.equals("*")) {
            return o;
        }
        int scheme = o.indexOf("://");
        String host = scheme > 0 ? o.substring(scheme + 3) : "";
        boolean schemeOk = scheme > 0 && o.substring(0, scheme).chars().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '+' || c == '-' || c == '.');
        boolean hostOk = !host.isEmpty() && host.indexOf('/') < 0 && host.indexOf('?') < 0 && host.indexOf('#') < 0
                && host.indexOf('*', host.startsWith("*.") ? 1 : 0) < 0 && !host.equals("*.");
        if (!schemeOk || !hostOk) {
            throw new IllegalArgumentException("CORS: an allowed origin is scheme://host[:port] (a host may start"
                    + " with '*.' for every subdomain), or '*'; got '" + origin + "'");
        }
        return o.toLowerCase(Locale.ROOT);
    }

    private static List<String> checkHeaders(List<String> headers) {
        for (String header : headers) {
            if (header == null || header.isBlank() || !header.chars().allMatch(c -> c > 32 && c < 127 && c != ',')) {
                throw new IllegalArgumentException("CORS: a header name is printable ASCII without spaces or commas,"
                        + " got '" + header + "'");
            }
        }
        return List.copyOf(headers);
    }
}

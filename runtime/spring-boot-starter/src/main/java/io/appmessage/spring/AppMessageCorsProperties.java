package io.appmessage.spring;

import io.appmessage.runtime.CorsSettings;
import org.springframework.boot.convert.DurationUnit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code appmessage.cors.*}: which browser origins may poll from a page served elsewhere (an H5 build, an
 * admin page). The standalone server's CORS settings under the same names; off while no origin is listed.
 *
 * <pre>{@code
 * appmessage:
 *   cors:
 *     allowed-origins: [https://m.shop.com, "https://*.shop.com"]
 *     max-age: 10m
 * }</pre>
 */
public class AppMessageCorsProperties {

    /** Origins allowed to read poll answers: scheme://host[:port], https://*.shop.com for every subdomain, or *. */
    private List<String> allowedOrigins = new ArrayList<>();

    /** Request headers a page may send (the token, cursor and idempotency headers by default). */
    private List<String> allowedHeaders = new ArrayList<>(CorsSettings.DEFAULT_ALLOWED_HEADERS);

    /** Response headers a page may read beyond the safelisted ones. */
    private List<String> exposedHeaders = new ArrayList<>(CorsSettings.DEFAULT_EXPOSED_HEADERS);

    /** How long a browser may reuse a preflight answer (a bare number is seconds). */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration maxAge = CorsSettings.DEFAULT_MAX_AGE;

    /** Whether pages may send cookies or HTTP authentication; never together with the origin *. */
    private boolean allowCredentials;

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public List<String> getAllowedHeaders() {
        return allowedHeaders;
    }

    public void setAllowedHeaders(List<String> allowedHeaders) {
        this.allowedHeaders = allowedHeaders;
    }

    public List<String> getExposedHeaders() {
        return exposedHeaders;
    }

    public void setExposedHeaders(List<String> exposedHeaders) {
        this.exposedHeaders = exposedHeaders;
    }

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    public boolean isAllowCredentials() {
        return allowCredentials;
    }

    public void setAllowCredentials(boolean allowCredentials) {
        this.allowCredentials = allowCredentials;
    }
}

package io.appmessage.runtime.internal.config;

import io.appmessage.runtime.CorsSettings;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads the CORS settings from the environment, over what the builder set. */
public final class CorsEnvironment {

    public static final String ALLOWED_ORIGINS = "APPMESSAGE_CORS_ALLOWED_ORIGINS";
    public static final String ALLOWED_HEADERS = "APPMESSAGE_CORS_ALLOWED_HEADERS";
    public static final String EXPOSED_HEADERS = "APPMESSAGE_CORS_EXPOSED_HEADERS";
    public static final String MAX_AGE_SECONDS = "APPMESSAGE_CORS_MAX_AGE_SECONDS";
    public static final String ALLOW_CREDENTIALS = "APPMESSAGE_CORS_ALLOW_CREDENTIALS";

    private CorsEnvironment() {
    }

    /** {@code base} with every CORS variable present in {@code env} applied; the start fails naming a bad one. */
    public static CorsSettings apply(Map<String, String> env, CorsSettings base) {
        CorsSettings cors = base;
        try {
            String origins = env.get(ALLOWED_ORIGINS);
            if (origins != null) {
                List<String> list = list(origins);
                cors = (list.isEmpty() ? CorsSettings.off() : CorsSettings.allowOrigins(list))
                        .allowHeaders(cors.allowedHeaders()).exposeHeaders(cors.exposedHeaders()).maxAge(cors.maxAge());
                if (base.credentials()) {
                    cors = cors.withCredentials();
                }
            }
            String headers = env.get(ALLOWED_HEADERS);
            if (headers != null) {
                cors = cors.allowHeaders(list(headers));
            }
            String exposed = env.get(EXPOSED_HEADERS);
            if (exposed != null) {
                cors = cors.exposeHeaders(list(exposed));
            }
            String maxAge = env.get(MAX_AGE_SECONDS);
            if (maxAge != null) {
                cors = cors.maxAge(Duration.ofSeconds(Long.parseLong(maxAge.strip())));
            }
            String credentials = env.get(ALLOW_CREDENTIALS);
            if (credentials != null && Boolean.parseBoolean(credentials.strip())) {
                cors = cors.withCredentials();
            } else if (credentials != null && !credentials.strip().equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false, got '" + credentials + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment variable APPMESSAGE_CORS_*: " + e.getMessage(), e);
        }
        return cors;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

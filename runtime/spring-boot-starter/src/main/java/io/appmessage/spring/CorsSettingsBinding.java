package io.appmessage.spring;

import io.appmessage.runtime.CorsSettings;

import java.util.function.Supplier;

/**
 * Turns {@code appmessage.cors.*} into the standalone server's {@link CorsSettings}, with its checks; a bad
 * value fails start-up naming the property it came from.
 */
final class CorsSettingsBinding {

    private static final String PREFIX = "appmessage.cors.";

    private CorsSettingsBinding() {
    }

    static CorsSettings settings(AppMessageCorsProperties cors) {
        if (cors.getAllowedOrigins().isEmpty()) {
            return CorsSettings.off();
        }
        if (cors.isAllowCredentials() && cors.getAllowedOrigins().stream().anyMatch(o -> o.strip().equals("*"))) {
            throw new IllegalStateException(PREFIX + "allowed-origins '*' cannot be combined with " + PREFIX
                    + "allow-credentials=true (browsers refuse it, and any site could act as the user); "
                    + "list the origins instead");
        }
        CorsSettings origins = checked("allowed-origins", () -> CorsSettings.allowOrigins(cors.getAllowedOrigins()));
        CorsSettings withHeaders = checked("allowed-headers", () -> origins.allowHeaders(cors.getAllowedHeaders()));
        CorsSettings exposed = checked("exposed-headers", () -> withHeaders.exposeHeaders(cors.getExposedHeaders()));
        CorsSettings aged = checked("max-age", () -> exposed.maxAge(cors.getMaxAge()));
        return cors.isAllowCredentials() ? aged.withCredentials() : aged;
    }

    private static CorsSettings checked(String property, Supplier<CorsSettings> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PREFIX + property + " is not valid: " + e.getMessage(), e);
        }
    }
}

package io.appmessage.runtime.internal.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the environment variables that override builder settings, so operators can change a
 * deployed server without a rebuild ({@code PORT} is required by the issue; the others follow one
 * pattern, {@code APPMESSAGE_*}). A value that does not parse fails start-up with its name.
 *
 * <pre>{@code
 * EnvironmentVariable env = new EnvironmentVariable(System.getenv());
 * env.integer("PORT", builder::port);
 * }</pre>
 */
public final class EnvironmentVariable {

    public static final String PORT = "PORT";
    public static final String HOST = "APPMESSAGE_HOST";
    public static final String PATH = "APPMESSAGE_PATH";
    /** Empty or {@code off} switches health off. */
    public static final String HEALTH_PATH = "APPMESSAGE_HEALTH_PATH";
    public static final String POLL_DEADLINE_MS = "APPMESSAGE_POLL_DEADLINE_MS";
    public static final String MAX_BODY_BYTES = "APPMESSAGE_MAX_BODY_BYTES";
    public static final String MAX_IN_FLIGHT = "APPMESSAGE_MAX_IN_FLIGHT";
    public static final String RETRY_AFTER_SECONDS = "APPMESSAGE_RETRY_AFTER_SECONDS";
    public static final String SHUTDOWN_GRACE_MS = "APPMESSAGE_SHUTDOWN_GRACE_MS";
    public static final String IO_THREADS = "APPMESSAGE_IO_THREADS";
    public static final String WORKER_THREADS = "APPMESSAGE_WORKER_THREADS";
    public static final String NO_REQUEST_TIMEOUT_MS = "APPMESSAGE_NO_REQUEST_TIMEOUT_MS";
    public static final String REQUEST_PARSE_TIMEOUT_MS = "APPMESSAGE_REQUEST_PARSE_TIMEOUT_MS";
    public static final String IDLE_TIMEOUT_MS = "APPMESSAGE_IDLE_TIMEOUT_MS";
    public static final String MAX_HEADER_BYTES = "APPMESSAGE_MAX_HEADER_BYTES";
    public static final String MAX_HEADERS = "APPMESSAGE_MAX_HEADERS";
    public static final String MAX_PARAMETERS = "APPMESSAGE_MAX_PARAMETERS";
    /** Comma-separated plugin names. */
    public static final String DISABLED_PLUGINS = "APPMESSAGE_DISABLED_PLUGINS";

    /** Most targeted messages per answer. */
    public static final String OUTBOX_BATCH_SIZE = "APPMESSAGE_OUTBOX_BATCH_SIZE";
    /** {@code true}/{@code false}: hold polls that ask to wait. */
    public static final String LONG_POLL = "APPMESSAGE_LONG_POLL";
    public static final String LONG_POLL_CAP_SECONDS = "APPMESSAGE_LONG_POLL_CAP_SECONDS";
    public static final String MAX_HELD_POLLS = "APPMESSAGE_MAX_HELD_POLLS";

    private final Map<String, String> environment;

    public EnvironmentVariable(Map<String, String> environment) {
        this.environment = environment;
    }

    public void string(String name, Consumer<String> setter) {
        String value = environment.get(name);
        if (value != null && !value.isBlank()) {
            setter.accept(value.trim());
        }
    }

    /** Calls {@code setter} with the value, which may be empty (unlike {@link #string}). */
    public void raw(String name, Consumer<String> setter) {
        String value = environment.get(name);
        if (value != null) {
            setter.accept(value.trim());
        }
    }

    public void integer(String name, Consumer<Integer> setter) {
        string(name, v -> setter.accept((int) parse(name, v, Integer.MAX_VALUE)));
    }

    public void longValue(String name, Consumer<Long> setter) {
        string(name, v -> setter.accept(parse(name, v, Long.MAX_VALUE)));
    }

    public void millis(String name, Consumer<Duration> setter) {
        string(name, v -> setter.accept(Duration.ofMillis(parse(name, v, Long.MAX_VALUE))));
    }

    /** {@code true} or {@code false} (any case); anything else fails start-up naming the variable. */
    public void bool(String name, Consumer<Boolean> setter) {
        string(name, v -> {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                setter.accept(Boolean.parseBoolean(v));
            } else {
                throw new IllegalArgumentException("[AppMessage-Config] environment variable " + name
                        + " must be true or false, was '" + v + "'");
            }
        });
    }

    public void names(String name, Consumer<Set<String>> setter) {
        string(name, v -> {
            Set<String> names = new LinkedHashSet<>();
            Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
            setter.accept(names);
        });
    }

    private static long parse(String name, String value, long max) {
        try {
            long n = Long.parseLong(value);
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("[AppMessage-Config] environment variable " + name
                    + " must be a non-negative whole number, was '" + value + "'");
        }
    }
}

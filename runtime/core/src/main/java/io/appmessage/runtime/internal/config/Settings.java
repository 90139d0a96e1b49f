package io.appmessage.runtime.internal.config;

import io.appmessage.runtime.CorsSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every server setting, declared once, in the order of the README's configuration table. The
 * table between the {@code settings-table} markers of {@code runtime/core/README.md} is
 * {@link #markdownTable()}; a test fails when they differ.
 */
public final class Settings {

    private static final List<Setting<?>> DECLARED = new ArrayList<>();

    public static final Setting<String> HOST = declare("host", "APPMESSAGE_HOST", "0.0.0.0", "`0.0.0.0`",
            Function.identity(), s -> !s.isBlank(), "a host name or address", "listen address");
    public static final Setting<Integer> PORT = declare("port", "PORT", 8080, "`8080`",
            Integer::valueOf, p -> p >= 0 && p <= 65535, "0..65535", "port (0 = any free port)");
    public static final Setting<String> PATH = declare("path", "APPMESSAGE_PATH", "/api/message/index",
            "`/api/message/index`", Function.identity(), p -> p.startsWith("/"), "a path starting with '/'", "poll path");
    public static final Setting<String> HEALTH_PATH = declare("healthPath", "APPMESSAGE_HEALTH_PATH", "/health",
            "`/health`", v -> v.isEmpty() || v.equalsIgnoreCase("off") ? null : v, p -> p == null || p.startsWith("/"),
            "a path starting with '/', or empty or off for none", "health path (null, `off` or empty = none)");
    public static final Setting<Duration> POLL_DEADLINE = declare("pollDeadline", "APPMESSAGE_POLL_DEADLINE_MS",
            Duration.ofSeconds(2), "2 s", Settings::millis, d -> d.toNanos() > 0, "a positive number of milliseconds",
            "poll deadline (all handlers; see [Handler faults](#handler-faults))");
    public static final Setting<Long> MAX_BODY_BYTES = declare("maxBodyBytes", "APPMESSAGE_MAX_BODY_BYTES",
            64L * 1024, "64 KiB", Long::valueOf, n -> n >= 0, "a whole number >= 0", "max request body (bigger: 413)");
    /** Enough for 50,000 clients polling every 5 s with answers under 100 ms, far below memory limits. */
    public static final Setting<Integer> MAX_IN_FLIGHT = declare("maxInFlight", "APPMESSAGE_MAX_IN_FLIGHT", 10_000,
            "10,000", Integer::valueOf, n -> n > 0, "a whole number > 0", "max polls in flight (beyond: 503)");
    /** One poll interval of the usual client. */
    public static final Setting<Integer> RETRY_AFTER_SECONDS = declare("retryAfterSeconds",
            "APPMESSAGE_RETRY_AFTER_SECONDS", 5, "5", Integer::valueOf, n -> n > 0, "a whole number > 0",
            "`Retry-After` of 503");
    public static final Setting<Duration> SHUTDOWN_GRACE = declare("shutdownGrace", "APPMESSAGE_SHUTDOWN_GRACE_MS",
            Duration.ofSeconds(10), "10 s", Settings::millis, d -> !d.isNegative(), "milliseconds >= 0", "shutdown grace");
    public static final Setting<Integer> IO_THREADS = declare("ioThreads", "APPMESSAGE_IO_THREADS", 0,
            "Undertow's: cores, at least 2", Integer::valueOf, n -> n >= 0, "a whole number >= 0 (0: Undertow's)",
            "IO threads");
    public static final Setting<Integer> WORKER_THREADS = declare("workerThreads", "APPMESSAGE_WORKER_THREADS", 0,
            "Undertow's: 8 per IO thread", Integer::valueOf, n -> n >= 0, "a whole number >= 0 (0: Undertow's)",
            "worker threads (handlers run here)");
    /** A keep-alive connection idle longer than this between requests is closed. */
    public static final Setting<Duration> NO_REQUEST_TIMEOUT = declare("noRequestTimeout",
            "APPMESSAGE_NO_REQUEST_TIMEOUT_MS", Duration.ofSeconds(60), "60 s", Settings::millis,
            d -> !d.isNegative(), "milliseconds >= 0", "close idle keep-alive connections");
    /** A request whose line and headers take longer than this to arrive is dropped (slow clients). */
    public static final Setting<Duration> REQUEST_PARSE_TIMEOUT = declare("requestParseTimeout",
            "APPMESSAGE_REQUEST_PARSE_TIMEOUT_MS", Duration.ofSeconds(10), "10 s", Settings::millis,
            d -> !d.isNegative(), "milliseconds >= 0", "drop requests slower to arrive than (headers; the body, 408)");
    /** A connection with no traffic at all for this long is closed. */
    public static final Setting<Duration> IDLE_TIMEOUT = declare("idleTimeout", "APPMESSAGE_IDLE_TIMEOUT_MS",
            Duration.ofSeconds(90), "90 s", Settings::millis, d -> !d.isNegative(), "milliseconds >= 0",
            "close silent connections (must exceed `longPollCap` + 5 s)");
    public static final Setting<Integer> MAX_HEADER_BYTES = declare("maxHeaderBytes", "APPMESSAGE_MAX_HEADER_BYTES",
            16 * 1024, "16 KiB", Integer::valueOf, n -> n > 0, "a whole number > 0", "max request line + headers");
    public static final Setting<Integer> MAX_HEADERS = declare("maxHeaders", "APPMESSAGE_MAX_HEADERS", 100, "100",
            Integer::valueOf, n -> n > 0, "a whole number > 0", "max header count");
    public static final Setting<Integer> MAX_PARAMETERS = declare("maxParameters", "APPMESSAGE_MAX_PARAMETERS", 100,
            "100", Integer::valueOf, n -> n > 0, "a whole number > 0", "max query parameters (beyond: 400)");
    public static final Setting<Set<String>> DISABLED_PLUGINS = declare("disabledPlugins",
            "APPMESSAGE_DISABLED_PLUGINS", Set.of(), "none", Settings::names, s -> true, "a comma-separated list",
            "plugins off at start (comma list)");
    public static final Setting<Integer> OUTBOX_BATCH_SIZE = declare("outboxBatchSize", "APPMESSAGE_OUTBOX_BATCH_SIZE",
            100, "100", Integer::valueOf, n -> n >= 1 && n <= 10_000, "1..10000", "most targeted messages per answer");
    public static final Setting<Boolean> LONG_POLL = declare("longPoll", "APPMESSAGE_LONG_POLL", true, "on",
            Settings::bool, b -> true, "true or false", "long-poll on (`true`/`false`)");
    /** Under proxies' usual 30–60 s limits and WeChat's 60 s request limit. */
    public static final Setting<Duration> LONG_POLL_CAP = declare("longPollCap", "APPMESSAGE_LONG_POLL_CAP_SECONDS",
            Duration.ofSeconds(25), "25 s", v -> Duration.ofSeconds(Long.parseLong(v)), d -> d.toSeconds() >= 1,
            "at least 1 second", "longest wait granted");
    /** Room for 10,000 held clients with headroom; a held poll costs a few KiB of heap. */
    public static final Setting<Integer> MAX_HELD_POLLS = declare("maxHeldPolls", "APPMESSAGE_MAX_HELD_POLLS", 20_000,
            "20,000", Integer::valueOf, n -> n >= 0, "a whole number >= 0", "most polls held at once");
    public static final Setting<Duration> FAULT_LOG_INTERVAL = declare("faultLogInterval", null, Duration.ofSeconds(10),
            "one per 10 s", Settings::millis, d -> !d.isNegative(), "a duration >= 0", "fault log lines per handler");

    // Browser pages on other origins: the builder's cors(CorsSettings) sets these five, each variable overrides its part
    public static final Setting<List<String>> CORS_ALLOWED_ORIGINS = declare("cors.allowedOrigins",
            "APPMESSAGE_CORS_ALLOWED_ORIGINS", List.of(), "none (CORS off)", Settings::list, Settings::validOrigins,
            "comma-separated origins scheme://host[:port] (a host may start with '*.'), or *",
            "origins of browser pages allowed to poll (comma list; empty = CORS off)");
    public static final Setting<List<String>> CORS_ALLOWED_HEADERS = declare("cors.allowedHeaders",
            "APPMESSAGE_CORS_ALLOWED_HEADERS", CorsSettings.DEFAULT_ALLOWED_HEADERS,
            "`X-Access-Token, X-App-Message-Cursor, Idempotency-Key, Content-Type`", Settings::list,
            Settings::validHeaders, "comma-separated header names", "request headers such a page may send");
    public static final Setting<List<String>> CORS_EXPOSED_HEADERS = declare("cors.exposedHeaders",
            "APPMESSAGE_CORS_EXPOSED_HEADERS", CorsSettings.DEFAULT_EXPOSED_HEADERS, "`Retry-After`", Settings::list,
            Settings::validHeaders, "comma-separated header names", "response headers such a page may read");
    public static final Setting<Duration> CORS_MAX_AGE = declare("cors.maxAge", "APPMESSAGE_CORS_MAX_AGE_SECONDS",
            CorsSettings.DEFAULT_MAX_AGE, "600 s", v -> Duration.ofSeconds(Long.parseLong(v)), d -> !d.isNegative(),
            "whole seconds >= 0", "how long a browser reuses a preflight answer");
    public static final Setting<Boolean> CORS_ALLOW_CREDENTIALS = declare("cors.credentials",
            "APPMESSAGE_CORS_ALLOW_CREDENTIALS", false, "off", Settings::bool, b -> true, "true or false",
            "cookies and HTTP auth from such pages (`true`/`false`; not needed for the token header)");

    // Plugins the app cannot run without
    public static final Setting<Set<String>> EXPECTED_PLUGINS = declare("expectPlugins", "APPMESSAGE_EXPECTED_PLUGINS",
            Set.of(), "none", Settings::names, s -> true, "a comma-separated list",
            "plugins that must be present (start fails naming a missing one; comma list)");

    // topics: who reads without an authorizer, and how many one poll may list
    public static final Setting<Set<String>> PUBLIC_TOPICS = declare("publicTopics", "APPMESSAGE_PUBLIC_TOPICS",
            Set.of(), "none", Settings::names, Settings::topicPatterns,
            "topic names or prefixes ending with '*', comma-separated", "topics anyone may read (`live:*`, `all`)");
    /** Each listed topic costs one store read per answer. */
    public static final Setting<Integer> MAX_TOPICS_PER_POLL = declare("maxTopicsPerPoll",
            "APPMESSAGE_MAX_TOPICS_PER_POLL", 16, "16", Integer::valueOf, n -> n >= 1 && n <= 1_000, "1..1000",
            "most topics one poll may list (beyond: 400)");
    // the poll path on the I/O thread
    /** A non-blocking handler holding its I/O thread this long is logged by name; 0 switches the watchdog off. */
    public static final Setting<Duration> NON_BLOCKING_WATCHDOG = declare("nonBlockingWatchdog",
            "APPMESSAGE_NON_BLOCKING_WATCHDOG_MS", Duration.ofMillis(10), "10 ms", Settings::millis,
            d -> !d.isNegative(), "milliseconds >= 0", "log a non-blocking handler holding its I/O thread longer (0 = off)");

    /** Every setting, in table order. */
    public static final List<Setting<?>> ALL = Collections.unmodifiableList(DECLARED);

    private Settings() {
    }

    private static <T> Setting<T> declare(String name, String variable, T defaultValue, String defaultText,
                                          Function<String, T> parse, Predicate<T> check, String rule, String doc) {
        Setting<T> setting = new Setting<>(DECLARED.size(), name, variable, defaultValue, defaultText, parse, check,
                rule, doc);
        DECLARED.add(setting);
        return setting;
    }

    /** The README's configuration table of these settings, one row each. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| setting | builder | environment variable | default |\n|---|---|---|---|\n");
        for (Setting<?> s : ALL) {
            out.append("| ").append(s.doc()).append(" | `").append(s.name()).append("` | ")
                    .append(s.variable() == null ? "—" : "`" + s.variable() + "`").append(" | ")
                    .append(s.defaultText()).append(" |\n");
        }
        return out.toString();
    }

    private static Duration millis(String text) {
        long n = Long.parseLong(text);
        if (n < 0) {
            throw new NumberFormatException();
        }
        return Duration.ofMillis(n);
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(text);
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean validOrigins(List<String> origins) {
        try {
            CorsSettings.allowOrigins(origins);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean validHeaders(List<String> headers) {
        try {
            CorsSettings.off().allowHeaders(headers);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean topicPatterns(Set<String> patterns) {
        try {
            io.appmessage.runtime.internal.outbox.TopicPatterns.of(patterns);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        return Collections.unmodifiableSet(names);
    }
}

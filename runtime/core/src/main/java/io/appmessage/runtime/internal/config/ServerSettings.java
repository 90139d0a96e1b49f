package io.appmessage.runtime.internal.config;

import java.time.Duration;
import java.util.Set;

/**
 * Every setting of a server, resolved once at start (builder values, then environment
 * overrides). Immutable. The README's configuration table lists each with its variable and default.
 *
 * @param healthPath null when health is switched off
 * @param ioThreads  0 for Undertow's default (one per core, at least two)
 * @param workerThreads 0 for Undertow's default (eight per IO thread)
 * @param outboxBatchSize most targeted messages per answer; the rest go with the next poll (issue 6)
 * @param longPoll      whether polls that ask to {@code wait} are held (issue 7); off answers at once
 * @param longPollCap   the longest wait granted, whatever the client asks
 * @param maxHeldPolls  most polls held at once; beyond, a poll is answered at once without {@code wait}
 */
public record ServerSettings(
        String host,
        int port,
        String path,
        String healthPath,
        Duration pollDeadline,
        long maxBodyBytes,
        int maxInFlight,
        int retryAfterSeconds,
        Duration shutdownGrace,
        int ioThreads,
        int workerThreads,
        Duration noRequestTimeout,
        Duration requestParseTimeout,
        Duration idleTimeout,
        int maxHeaderBytes,
        int maxHeaders,
        int maxParameters,
        Set<String> disabledPlugins,
        Duration faultLogInterval,
        int outboxBatchSize,
        boolean longPoll,
        Duration longPollCap,
        int maxHeldPolls) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_PATH = "/api/message/index";
    public static final String DEFAULT_HEALTH_PATH = "/health";
    public static final Duration DEFAULT_POLL_DEADLINE = Duration.ofSeconds(2);
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** Enough for 50,000 clients polling every 5 s with answers under 100 ms, far below memory limits. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
    /** One poll interval of the seed's client. */
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 5;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** A keep-alive connection idle longer than this between requests is closed. */
    public static final Duration DEFAULT_NO_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** A request whose line and headers take longer than this to arrive is dropped (slow clients). */
    public static final Duration DEFAULT_REQUEST_PARSE_TIMEOUT = Duration.ofSeconds(10);
    /** A connection with no traffic at all for this long is closed. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(90);
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_HEADERS = 100;
    public static final int DEFAULT_MAX_PARAMETERS = 100;
    public static final Duration DEFAULT_FAULT_LOG_INTERVAL = Duration.ofSeconds(10);
    /** Targeted messages per answer: keeps an answer small after a client was away for long. */
    public static final int DEFAULT_OUTBOX_BATCH_SIZE = 100;
    /** Under proxies' usual 30–60 s limits and WeChat's 60 s request limit (issue 7). */
    public static final Duration DEFAULT_LONG_POLL_CAP = Duration.ofSeconds(25);
    /** Room for 10,000 held clients with headroom; a held poll costs a few KiB of heap (README). */
    public static final int DEFAULT_MAX_HELD_POLLS = 20_000;
    /** A held poll's connection is silent for the whole wait: the idle timeout must outlast it by this much. */
    public static final Duration LONG_POLL_IDLE_MARGIN = Duration.ofSeconds(5);

    public ServerSettings {
        disabledPlugins = Set.copyOf(disabledPlugins);
        check(port >= 0 && port <= 65535, "port must be 0..65535, was " + port);
        check(path.startsWith("/"), "path must start with '/', was " + path);
        check(healthPath == null || healthPath.startsWith("/"), "health path must start with '/', was " + healthPath);
        check(healthPath == null || !healthPath.equals(path), "health path and poll path must differ");
        check(!pollDeadline.isNegative() && !pollDeadline.isZero(), "poll deadline must be positive");
        check(maxBodyBytes >= 0, "max body bytes must be >= 0");
        check(maxInFlight > 0, "max in-flight polls must be > 0");
        check(retryAfterSeconds > 0, "retry-after seconds must be > 0");
        check(!shutdownGrace.isNegative(), "shutdown grace must be >= 0");
        check(ioThreads >= 0 && workerThreads >= 0, "thread counts must be >= 0");
        check(maxHeaderBytes > 0 && maxHeaders > 0 && maxParameters > 0, "header and parameter limits must be > 0");
        check(outboxBatchSize >= 1 && outboxBatchSize <= 10_000, "outbox batch size must be 1..10000, was " + outboxBatchSize);
        check(longPollCap.toSeconds() >= 1, "long-poll cap must be at least 1 s, was " + longPollCap);
        check(maxHeldPolls >= 0, "max held polls must be >= 0");
        // a held poll's connection carries no bytes during the wait; Undertow's idle timeout would cut it
        check(!longPoll || idleTimeout.compareTo(longPollCap.plus(LONG_POLL_IDLE_MARGIN)) > 0,
                "idle timeout (" + idleTimeout.toMillis() + " ms) must exceed the long-poll cap ("
                        + longPollCap.toSeconds() + " s) plus " + LONG_POLL_IDLE_MARGIN.toSeconds()
                        + " s, or held polls are cut off: raise idleTimeout or lower longPollCap");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("[AppMessage-Config] " + message);
        }
    }
}

package io.appmessage.runtime.internal.config;

import io.appmessage.runtime.CorsSettings;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Every setting of a server, resolved once at start (declared defaults, builder values, then
 * environment overrides) and checked: each value against its declaration in {@link Settings}, then
 * the rules between settings here. Immutable; typed accessors over the declarations.
 */
public final class ServerSettings {

    /** A held poll's connection is silent for the whole wait: the idle timeout must outlast it by this much. */
    public static final Duration LONG_POLL_IDLE_MARGIN = Duration.ofSeconds(5);

    private final SettingValues values;
    private final CorsSettings cors;

    ServerSettings(SettingValues resolved) {
        SettingValues copy = new SettingValues();
        for (Setting<?> s : Settings.ALL) {
            copyOne(s, resolved, copy);
        }
        this.values = copy;
        String health = healthPath();
        check(health == null || !health.equals(path()), "health path and poll path must differ");
        // a held poll's connection carries no bytes during the wait; Undertow's idle timeout would cut it
        check(!longPoll() || idleTimeout().compareTo(longPollCap().plus(LONG_POLL_IDLE_MARGIN)) > 0,
                "idle timeout (" + idleTimeout().toMillis() + " ms) must exceed the long-poll cap ("
                        + longPollCap().toSeconds() + " s) plus " + LONG_POLL_IDLE_MARGIN.toSeconds()
                        + " s, or held polls are cut off: raise idleTimeout (" + Settings.IDLE_TIMEOUT.variable()
                        + ") or lower longPollCap (" + Settings.LONG_POLL_CAP.variable() + ")");
        // browsers refuse the pair, and it would let any site act as the user
        check(!(get(Settings.CORS_ALLOW_CREDENTIALS) && get(Settings.CORS_ALLOWED_ORIGINS).contains("*")),
                "CORS: the origin '*' (setting " + Settings.CORS_ALLOWED_ORIGINS.name() + ", environment variable "
                        + Settings.CORS_ALLOWED_ORIGINS.variable() + ") cannot be combined with credentials (setting "
                        + Settings.CORS_ALLOW_CREDENTIALS.name() + ", environment variable "
                        + Settings.CORS_ALLOW_CREDENTIALS.variable() + "): list the origins instead");
        this.cors = corsOf(this);
    }

    private static CorsSettings corsOf(ServerSettings s) {
        List<String> origins = s.get(Settings.CORS_ALLOWED_ORIGINS);
        CorsSettings cors = (origins.isEmpty() ? CorsSettings.off() : CorsSettings.allowOrigins(origins))
                .allowHeaders(s.get(Settings.CORS_ALLOWED_HEADERS))
                .exposeHeaders(s.get(Settings.CORS_EXPOSED_HEADERS))
                .maxAge(s.get(Settings.CORS_MAX_AGE));
        return s.get(Settings.CORS_ALLOW_CREDENTIALS) ? cors.withCredentials() : cors;
    }

    private static <T> void copyOne(Setting<T> setting, SettingValues from, SettingValues to) {
        to.set(setting, from.get(setting));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("[AppMessage-Config] " + message);
        }
    }

    /** Any setting by its declaration. */
    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    public String host() { return get(Settings.HOST); }

    public int port() { return get(Settings.PORT); }

    public String path() { return get(Settings.PATH); }

    /** Null when health is switched off. */
    public String healthPath() { return get(Settings.HEALTH_PATH); }

    public Duration pollDeadline() { return get(Settings.POLL_DEADLINE); }

    public long maxBodyBytes() { return get(Settings.MAX_BODY_BYTES); }

    public int maxInFlight() { return get(Settings.MAX_IN_FLIGHT); }

    public int retryAfterSeconds() { return get(Settings.RETRY_AFTER_SECONDS); }

    public Duration shutdownGrace() { return get(Settings.SHUTDOWN_GRACE); }

    /** 0 for Undertow's default (one per core, at least two). */
    public int ioThreads() { return get(Settings.IO_THREADS); }

    /** 0 for Undertow's default (eight per IO thread). */
    public int workerThreads() { return get(Settings.WORKER_THREADS); }

    public Duration noRequestTimeout() { return get(Settings.NO_REQUEST_TIMEOUT); }

    public Duration requestParseTimeout() { return get(Settings.REQUEST_PARSE_TIMEOUT); }

    public Duration idleTimeout() { return get(Settings.IDLE_TIMEOUT); }

    public int maxHeaderBytes() { return get(Settings.MAX_HEADER_BYTES); }

    public int maxHeaders() { return get(Settings.MAX_HEADERS); }

    public int maxParameters() { return get(Settings.MAX_PARAMETERS); }

    public Set<String> disabledPlugins() { return get(Settings.DISABLED_PLUGINS); }

    public Duration faultLogInterval() { return get(Settings.FAULT_LOG_INTERVAL); }

    public int outboxBatchSize() { return get(Settings.OUTBOX_BATCH_SIZE); }

    public boolean longPoll() { return get(Settings.LONG_POLL); }

    public Duration longPollCap() { return get(Settings.LONG_POLL_CAP); }

    public int maxHeldPolls() { return get(Settings.MAX_HELD_POLLS); }

    /** The CORS answer of the poll path, the health path and the other routes, from the five {@code cors.*} settings. */
    public CorsSettings cors() { return cors; }

    public Set<String> expectedPlugins() { return get(Settings.EXPECTED_PLUGINS); }

    public Set<String> publicTopics() { return get(Settings.PUBLIC_TOPICS); }

    public int maxTopicsPerPoll() { return get(Settings.MAX_TOPICS_PER_POLL); }
}

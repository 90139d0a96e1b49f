package io.appmessage.runtime;

import io.appmessage.runtime.internal.config.ServerSettings;
import io.appmessage.runtime.internal.config.Setting;
import io.appmessage.runtime.internal.config.Settings;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings a server runs with, read-only: the defaults, what the builder set, then the environment's
 * overrides, all checked ({@link AppMessageServer#settings()}). One accessor per setting of the README's
 * configuration table, and {@link #asMap()} for showing them all (a console, a start-up dump).
 *
 * <pre>{@code
 * AppMessageSettings settings = server.settings();
 * settings.path();            // "/api/message/index"
 * settings.longPollCap();     // PT25S
 * settings.toString();        // "host=0.0.0.0, port=8080, path=/api/message/index, …"
 * }</pre>
 */
public final class AppMessageSettings {

    private final ServerSettings settings;

    AppMessageSettings(ServerSettings settings) {
        this.settings = settings;
    }

    /** The interface listened on. */
    public String host() { return settings.host(); }

    /** The port configured (0: any free port; {@link AppMessageServer#port()} is the bound one). */
    public int port() { return settings.port(); }

    /** The poll path. */
    public String path() { return settings.path(); }

    /** The health path, or null when health is off. */
    public String healthPath() { return settings.healthPath(); }

    public Duration pollDeadline() { return settings.pollDeadline(); }

    public long maxBodyBytes() { return settings.maxBodyBytes(); }

    public int maxInFlight() { return settings.maxInFlight(); }

    public int retryAfterSeconds() { return settings.retryAfterSeconds(); }

    public Duration shutdownGrace() { return settings.shutdownGrace(); }

    /** 0 for Undertow's default (one per core, at least two). */
    public int ioThreads() { return settings.ioThreads(); }

    /** 0 for Undertow's default (eight per IO thread). */
    public int workerThreads() { return settings.workerThreads(); }

    public Duration noRequestTimeout() { return settings.noRequestTimeout(); }

    public Duration requestParseTimeout() { return settings.requestParseTimeout(); }

    public Duration idleTimeout() { return settings.idleTimeout(); }

    public int maxHeaderBytes() { return settings.maxHeaderBytes(); }

    public int maxHeaders() { return settings.maxHeaders(); }

    public int maxParameters() { return settings.maxParameters(); }

    /** The plugins switched off at start (at run time: {@link AppMessageServer#plugins()}). */
    public Set<String> disabledPlugins() { return settings.disabledPlugins(); }

    /** The plugins whose absence fails the start. */
    public Set<String> expectedPlugins() { return settings.expectedPlugins(); }

    public Duration faultLogInterval() { return settings.faultLogInterval(); }

    public int outboxBatchSize() { return settings.outboxBatchSize(); }

    public boolean longPoll() { return settings.longPoll(); }

    public Duration longPollCap() { return settings.longPollCap(); }

    public int maxHeldPolls() { return settings.maxHeldPolls(); }

    /** Which browser origins may poll, with the environment's {@code APPMESSAGE_CORS_*} applied. */
    public CorsSettings cors() { return settings.cors(); }

    /**
     * Every setting by its builder name, in the order of the README's table, as text: durations in
     * milliseconds ({@code 2000 ms}), lists comma-separated, {@code off} for a path switched off.
     */
    public Map<String, String> asMap() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            shown.put(setting.name(), text(settings.get(setting)));
        }
        return Collections.unmodifiableMap(shown);
    }

    /** {@code name=value} for every setting, comma-separated, in table order. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        asMap().forEach((name, value) -> out.append(out.length() == 0 ? "" : ", ").append(name).append('=').append(value));
        return out.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "off";
        }
        if (value instanceof Duration duration) {
            return duration.toMillis() + " ms";
        }
        if (value instanceof Collection<?> items) {
            return String.join(",", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}

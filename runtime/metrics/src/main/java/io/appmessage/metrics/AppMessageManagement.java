package io.appmessage.metrics;

import io.appmessage.metrics.internal.ConsoleState;
import io.appmessage.metrics.internal.ManagementRoutes;
import io.appmessage.metrics.internal.TickingClock;
import io.appmessage.metrics.internal.config.ManagementDeclarations;
import io.appmessage.metrics.internal.config.ManagementValues;
import io.appmessage.metrics.internal.config.Setting;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Plugins;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener: its own port (loopback by default) serving {@code /metrics} in Prometheus text
 * format and, behind an admin token, the live operator console at {@code /console}.
 *
 * <pre>{@code
 * AppMessageManagement management = AppMessageManagement.builder(metrics)
 *         .port(9464)                    // default off; env APPMESSAGE_MANAGEMENT_PORT
 *         .adminToken(adminToken)        // default none: no console; env APPMESSAGE_ADMIN_TOKEN
 *         .server(server)                // plugin switches and node settings in the console
 *         .outbox(outbox)                // the console's test-message box
 *         .start();
 * // at shutdown, after the server
 * management.close();
 * }</pre>
 *
 * <p>Without a port (the default) nothing listens and {@link #port()} is {@code -1}.
 */
public final class AppMessageManagement implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppMessageManagement.class);

    private final Undertow undertow;
    private final PrometheusMeterRegistry prometheus;
    private final TickingClock clock;
    private final int port;
    private final ManagementSettings settings;

    private AppMessageManagement(Undertow undertow, PrometheusMeterRegistry prometheus, TickingClock clock, int port,
                                 ManagementSettings settings) {
        this.undertow = undertow;
        this.prometheus = prometheus;
        this.clock = clock;
        this.port = port;
        this.settings = settings;
    }

    public static Builder builder(AppMessageMetrics metrics) {
        return new Builder(metrics);
    }

    /** The port listened on, or {@code -1} when off. */
    public int port() {
        return port;
    }

    /** The settings it runs with, environment overrides applied. */
    public ManagementSettings settings() {
        return settings;
    }

    /** The registry {@code /metrics} scrapes, or {@code null} when off. */
    public PrometheusMeterRegistry prometheusRegistry() {
        return prometheus;
    }

    @Override
    public void close() {
        if (undertow != null) {
            undertow.stop();
            prometheus.close();
            clock.close();
        }
    }

    /**
     * Where the listener listens and what it serves, each setting with a default (the README's table);
     * environment variables ({@code APPMESSAGE_MANAGEMENT_*}, {@code APPMESSAGE_ADMIN_TOKEN}) override them at
     * {@link #start()}, which checks every value and names the setting at fault.
     */
    public static final class Builder {
        private final AppMessageMetrics metrics;
        private final ManagementValues values = new ManagementValues();
        private Map<String, String> environment;
        private Plugins plugins;
        private AppMessageOutbox outbox;
        private String nodeSettings = "";

        private Builder(AppMessageMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
        }

        private <T> Builder set(Setting<T> setting, T value) {
            values.set(setting, value);
            return this;
        }

        /** The address to bind; default {@code 127.0.0.1}; {@code 0.0.0.0} opens {@code /metrics} to the network. Env: {@code APPMESSAGE_MANAGEMENT_HOST}. */
        public Builder host(String host) { return set(ManagementDeclarations.HOST, Objects.requireNonNull(host, "host")); }

        /** The port; default off (-1); 0 for any free one (see {@link AppMessageManagement#port()}). Env: {@code APPMESSAGE_MANAGEMENT_PORT}. */
        public Builder port(int port) { return set(ManagementDeclarations.PORT, port); }

        /**
         * The token the console asks for ({@code ?token=} or {@code Authorization: Bearer}), at least 16 characters;
         * default none: {@code /metrics} only. Env: {@code APPMESSAGE_ADMIN_TOKEN}.
         */
        public Builder adminToken(String adminToken) { return set(ManagementDeclarations.ADMIN_TOKEN, adminToken); }

        /** The environment read for overrides; default {@link System#getenv()}. Pass {@code Map.of()} to ignore it. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The server's plugin switches, shown and switchable in the console. */
        public Builder plugins(Plugins plugins) {
            this.plugins = plugins;
            return this;
        }

        /** The outbox the console's test-message box sends through. */
        public Builder outbox(AppMessageOutbox outbox) {
            this.outbox = outbox;
            return this;
        }

        /** The node's settings as the console shows them (see {@link #server}, which fills them in). */
        public Builder nodeSettings(String nodeSettings) {
            this.nodeSettings = Objects.requireNonNullElse(nodeSettings, "");
            return this;
        }

        /**
         * The server this listener manages: its plugin switches and its settings, for the console.
         */
        public Builder server(AppMessageServer server) {
            return plugins(server.plugins()).nodeSettings(server.settings().toString());
        }

        /**
         * Applies the environment's overrides, checks every setting, and starts the listener when a port is set.
         *
         * @throws IllegalArgumentException naming the setting and its variable when a value breaks its rule
         * @throws IllegalStateException    naming the setting when the port cannot be bound
         */
        public AppMessageManagement start() {
            ManagementSettings settings = new ManagementSettings(
                    values.resolve(environment == null ? System.getenv() : environment));
            if (!settings.enabled()) {
                return new AppMessageManagement(null, null, null, -1, settings);
            }
            TickingClock clock = new TickingClock();
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(),
                    clock);
            metrics.bindTo(prometheus);
            ConsoleState state = new ConsoleState(prometheus, metrics.presence(), metrics.handlerErrors(), plugins,
                    (nodeSettings.isEmpty() ? "" : nodeSettings.strip() + "\n") + settings);
            ManagementRoutes routes = new ManagementRoutes(prometheus, state, plugins, outbox, settings.adminToken());
            Undertow undertow = Undertow.builder()
                    .addHttpListener(settings.port(), settings.host())
                    .setIoThreads(1)
                    .setWorkerThreads(2)
                    .setHandler(routes)
                    .build();
            try {
                undertow.start();
            } catch (RuntimeException e) {
                prometheus.close();
                clock.close();
                throw new IllegalStateException("management listener cannot listen on " + settings.host() + ":"
                        + settings.port() + " (" + e.getMessage() + "): set another port ("
                        + ManagementDeclarations.PORT.variable() + ") or host ("
                        + ManagementDeclarations.HOST.variable() + ")", e);
            }
            int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            LOG.info("management listener on http://{}:{}: /metrics{}", settings.host(), port,
                    settings.adminToken() == null ? " (console off: no admin token set)" : ", /console (admin token)");
            return new AppMessageManagement(undertow, prometheus, clock, port, settings);
        }
    }
}

package io.appmessage.metrics;

import io.appmessage.metrics.internal.ConsoleState;
import io.appmessage.metrics.internal.ManagementRoutes;
import io.appmessage.metrics.internal.TickingClock;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Plugins;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener: its own port (loopback by default) serving {@code /metrics} in Prometheus text
 * format and, behind an admin token, the live operator console at {@code /console}.
 *
 * <pre>{@code
 * AppMessageManagement management = AppMessageManagement.builder(metrics)
 *         .settings(ManagementSettings.loopback(9464, adminToken).withEnvironment())
 *         .plugins(server.plugins())     // on/off switches in the console
 *         .outbox(outbox)                // the console's test-message box
 *         .start();
 * // at shutdown, after the server
 * management.close();
 * }</pre>
 *
 * <p>With {@link ManagementSettings#off()} (the default) nothing listens and {@link #port()} is {@code -1}.
 */
public final class AppMessageManagement implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppMessageManagement.class);

    private final Undertow undertow;
    private final PrometheusMeterRegistry prometheus;
    private final TickingClock clock;
    private final int port;

    private AppMessageManagement(Undertow undertow, PrometheusMeterRegistry prometheus, TickingClock clock, int port) {
        this.undertow = undertow;
        this.prometheus = prometheus;
        this.clock = clock;
        this.port = port;
    }

    public static Builder builder(AppMessageMetrics metrics) {
        return new Builder(metrics);
    }

    /** The port listened on, or {@code -1} when off. */
    public int port() {
        return port;
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

    /** What the listener serves; {@link #start()} binds it. */
    public static final class Builder {
        private final AppMessageMetrics metrics;
        private ManagementSettings settings = ManagementSettings.off();
        private Plugins plugins;
        private AppMessageOutbox outbox;
        private String nodeSettings = "";

        private Builder(AppMessageMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
        }

        public Builder settings(ManagementSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
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
         * Starts the listener when the settings ask for one.
         *
         * @throws IllegalStateException naming the setting when the port cannot be bound
         */
        public AppMessageManagement start() {
            if (!settings.enabled()) {
                return new AppMessageManagement(null, null, null, -1);
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
                        + ManagementSettings.PORT_VARIABLE + ") or host (" + ManagementSettings.HOST_VARIABLE + ")", e);
            }
            int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            LOG.info("management listener on http://{}:{}: /metrics{}", settings.host(), port,
                    settings.adminToken() == null ? " (console off: no admin token set)" : ", /console (admin token)");
            return new AppMessageManagement(undertow, prometheus, clock, port);
        }
    }
}

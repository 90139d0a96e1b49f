package io.appmessage.metrics.bench;

import io.appmessage.metrics.AppMessageManagement;
import io.appmessage.metrics.AppMessageMetrics;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.presence.Presence;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * The server the overhead benchmark ({@code bench/overhead.sh}) runs wrk against: the test handlers
 * (the failing plugin off), with metrics, presence and the management listener ({@code on}), the same with
 * the meters in a registry on Micrometer's default clock instead of the listener's ticking one, and no
 * listener ({@code on-system-clock}), only the meters ({@code meters}), only presence ({@code presence}) or without
 * anything ({@code off}). Prints {@code ready <port> <path>} and serves until killed.
 */
public final class OverheadServer {

    private OverheadServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String mode = args.length > 0 ? args[0] : "off";
        boolean metricsOn = mode.startsWith("on") || mode.equals("meters") || mode.equals("presence");
        AppMessageServer.Builder builder = AppMessageServer.builder()
                .host("127.0.0.1")
                .port(0)
                .disabledPlugins("faulty")
                .authenticator(token -> Optional.of(Identity.of(token)));
        if (metricsOn) {
            Presence presence = Presence.local(Presence.DEFAULT_WINDOW);
            AppMessageMetrics metrics = AppMessageMetrics.create(presence);
            if (!mode.equals("meters")) {
                builder.presence(presence);
            }
            if (!mode.equals("presence")) {
                builder.observer(metrics.observer());
            }
            AppMessageServer server = builder.build().start();
            if (mode.equals("on-system-clock")) { // the meters as before the ticking clock, in the one registry
                metrics.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            } else {
                AppMessageManagement.builder(metrics).port(0).start();
            }
            System.out.println("ready " + server.port() + " " + server.settings().path());
        } else {
            AppMessageServer server = builder.build().start();
            System.out.println("ready " + server.port() + " " + server.settings().path());
        }
        Thread.currentThread().join();
    }
}

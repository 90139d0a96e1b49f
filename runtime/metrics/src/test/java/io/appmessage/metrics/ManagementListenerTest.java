package io.appmessage.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.spi.PollObserver.PollMode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The management listener over loopback HTTP: off by default, /metrics for scrapers, the console behind its token. */
class ManagementListenerTest {

    static final String TOKEN = "test-admin-token-0123456789";

    private final List<AppMessageManagement> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(AppMessageManagement::close);
    }

    @Test
    void offUnlessAPortIsSet() {
        AppMessageManagement management = AppMessageManagement.builder(AppMessageMetrics.create())
                .environment(Map.of()).start();
        started.add(management);
        assertThat(management.port()).isEqualTo(-1);
        assertThat(management.settings().enabled()).isFalse();
        assertThat(management.settings().host()).isEqualTo("127.0.0.1");
        assertThat(management.prometheusRegistry()).isNull();
    }

    @Test
    void theEnvironmentOverridesTheBuilder_andStartsTheListenerOnLoopback() throws IOException {
        AppMessageManagement management = AppMessageManagement.builder(AppMessageMetrics.create()).port(-1)
                .environment(Map.of("APPMESSAGE_MANAGEMENT_PORT", "0", "APPMESSAGE_ADMIN_TOKEN", TOKEN)).start();
        started.add(management);
        assertThat(management.settings().asMap())
                .containsExactly(Map.entry("host", "127.0.0.1"), Map.entry("port", "0"), Map.entry("adminToken", "set"));
        assertThat(management.settings().consoleEnabled()).isTrue();
        assertThat(management.settings().toString()).doesNotContain(TOKEN);
        assertThat(Http.get("http://127.0.0.1:" + management.port() + "/console?token=" + TOKEN).statusCode())
                .isEqualTo(200);
        // loopback only: the port is not reachable on this machine's other addresses
        for (java.net.InetAddress other : nonLoopbackAddresses()) {
            try (java.net.Socket socket = new java.net.Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, management.port()), 1000))
                        .as(other.toString()).isInstanceOf(IOException.class);
            }
        }
        AppMessageManagement off = AppMessageManagement.builder(AppMessageMetrics.create()).port(0)
                .environment(Map.of("APPMESSAGE_MANAGEMENT_PORT", "off")).start();
        started.add(off);
        assertThat(off.port()).isEqualTo(-1);
    }

    private static List<java.net.InetAddress> nonLoopbackAddresses() throws IOException {
        List<java.net.InetAddress> addresses = new ArrayList<>();
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof java.net.Inet4Address).forEach(addresses::add);
            }
        }
        return addresses;
    }

    @Test
    void metricsIsPrometheusTextAndMovesBetweenScrapes() {
        AppMessageMetrics metrics = AppMessageMetrics.create();
        String base = start(metrics, TOKEN);
        PollObserver observer = metrics.observer();

        HttpResponse<String> first = Http.get(base + "/metrics");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        double before = PrometheusText.parse(first.body()).value("appmessage_polls_total", "outcome", "ok", "mode", "poll");

        for (int i = 0; i < 3; i++) {
            observer.pollAdmitted();
            observer.pollAnswered("u" + i, PollMode.POLL, 200, 2_000_000, 40, 0);
        }

        PrometheusText after = PrometheusText.parse(Http.get(base + "/metrics").body());
        assertThat(after.value("appmessage_polls_total", "outcome", "ok", "mode", "poll")).isEqualTo(before + 3);
        assertThat(after.value("appmessage_poll_duration_seconds_count")).isEqualTo(3);
    }

    @Test
    void theConsoleAnswers401AndNothingElseWithoutTheRightToken() {
        String base = start(AppMessageMetrics.create(), TOKEN);

        for (HttpResponse<String> refused : List.of(
                Http.get(base + "/console"),
                Http.get(base + "/console?token=wrong-token-0123456789"),
                Http.get(base + "/console/state", "Authorization", "Bearer " + TOKEN + "x"),
                Http.postForm(base + "/console/send", "user=u1&key=k&json=1"))) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).isEmpty();
        }
    }

    @Test
    void theConsoleIsOneSelfContainedPageAndItsStateIsJson() {
        String base = start(AppMessageMetrics.create(), TOKEN);

        HttpResponse<String> page = Http.get(base + "/console?token=" + TOKEN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("AppMessage console").contains("uPlot").doesNotContain("/*@uplot-js@*/")
                .doesNotContain(" src=").doesNotContain("<link");

        HttpResponse<String> state = Http.get(base + "/console/state", "Authorization", "Bearer " + TOKEN);
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).startsWith("{\"time\":").contains("\"polls\":0").contains("\"handlers\":[]");
    }

    @Test
    void withoutAnAdminTokenOnlyMetricsIsServed() {
        String base = start(AppMessageMetrics.create(), null);
        assertThat(Http.get(base + "/metrics").statusCode()).isEqualTo(200);
        assertThat(Http.get(base + "/console").statusCode()).isEqualTo(404);
        assertThat(Http.get(base + "/anything").statusCode()).isEqualTo(404);
    }

    @Test
    void badSettingsAreRefusedByName() throws IOException {
        assertThatThrownBy(() -> AppMessageManagement.builder(AppMessageMetrics.create()).port(0)
                .adminToken("short-secret").environment(Map.of()).start())
                .hasMessage("[AppMessage-Config] setting adminToken (environment variable APPMESSAGE_ADMIN_TOKEN) must be"
                        + " at least 16 characters (a guessable token opens the console), or none, was 12 characters");
        assertThatThrownBy(() -> AppMessageManagement.builder(AppMessageMetrics.create())
                .environment(Map.of("APPMESSAGE_MANAGEMENT_PORT", "nine")).start())
                .hasMessage("[AppMessage-Config] environment variable APPMESSAGE_MANAGEMENT_PORT (setting port) must be"
                        + " 0..65535, or off, was 'nine'");
        assertThatThrownBy(() -> AppMessageManagement.builder(AppMessageMetrics.create()).port(70_000)
                .environment(Map.of()).start())
                .hasMessage("[AppMessage-Config] setting port (environment variable APPMESSAGE_MANAGEMENT_PORT) must be"
                        + " 0..65535, or off, was 70000");
        assertThatThrownBy(() -> AppMessageManagement.builder(AppMessageMetrics.create())
                .environment(Map.of("APPMESSAGE_ADMIN_TOKEN", "hunter2xy")).start())
                .hasMessageContaining("APPMESSAGE_ADMIN_TOKEN").hasMessageContaining("was 9 characters")
                .hasMessageNotContaining("hunter2xy");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            assertThatThrownBy(() -> AppMessageManagement.builder(AppMessageMetrics.create())
                    .port(taken.getLocalPort()).environment(Map.of()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("APPMESSAGE_MANAGEMENT_PORT");
        }
    }

    private String start(AppMessageMetrics metrics, String token) {
        AppMessageManagement management = AppMessageManagement.builder(metrics)
                .port(0).adminToken(token).environment(Map.of()).start();
        started.add(management);
        return "http://127.0.0.1:" + management.port();
    }
}

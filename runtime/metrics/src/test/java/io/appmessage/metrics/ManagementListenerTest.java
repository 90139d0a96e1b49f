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
        AppMessageManagement management = AppMessageManagement.builder(AppMessageMetrics.create()).start();
        started.add(management);
        assertThat(management.port()).isEqualTo(-1);
        assertThat(ManagementSettings.off().withEnvironment(Map.of()).enabled()).isFalse();
        assertThat(ManagementSettings.loopback(0, null).host()).isEqualTo("127.0.0.1");
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
        assertThatThrownBy(() -> ManagementSettings.loopback(0, "short"))
                .hasMessageContaining("adminToken").hasMessageContaining("16");
        assertThatThrownBy(() -> ManagementSettings.off().withEnvironment(Map.of(ManagementSettings.PORT_VARIABLE, "nine")))
                .hasMessageContaining("APPMESSAGE_MANAGEMENT_PORT").hasMessageContaining("nine");
        assertThat(ManagementSettings.off().withEnvironment(Map.of(ManagementSettings.PORT_VARIABLE, "0",
                ManagementSettings.TOKEN_VARIABLE, TOKEN))).isEqualTo(ManagementSettings.loopback(0, TOKEN));
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            assertThatThrownBy(() -> AppMessageManagement.builder(AppMessageMetrics.create())
                    .settings(ManagementSettings.loopback(taken.getLocalPort(), null)).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("APPMESSAGE_MANAGEMENT_PORT");
        }
    }

    private String start(AppMessageMetrics metrics, String token) {
        AppMessageManagement management = AppMessageManagement.builder(metrics)
                .settings(ManagementSettings.loopback(0, token)).start();
        started.add(management);
        return "http://127.0.0.1:" + management.port();
    }
}

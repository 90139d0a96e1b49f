package io.appmessage.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appmessage.runtime.AppMessageServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server over loopback HTTP with the meters wired: each meter moves when its event happens, read
 * from a parsed {@code /metrics} scrape of the management listener.
 */
class ServerMetricsTest {

    private static final String STATUS = "io.appmessage.metrics.demo.ShopHandlers#status";
    private static final String FLAKY = "io.appmessage.metrics.demo.FaultyHandlers#flaky";

    @TempDir
    Path dataDir;
    private CapturedLog log;
    private DemoNode node;

    @BeforeEach
    void start() {
        log = new CapturedLog();
        node = new DemoNode(dataDir);
    }

    @AfterEach
    void stop() {
        try {
            node.close();
        } finally {
            log.close();
        }
    }

    @Test
    void pollsHandlersAndPresenceMoveTheirMeters() {
        PrometheusText before = node.scrape();
        assertThat(before.value("appmessage_polls_total", "outcome", "ok", "mode", "poll")).isZero();

        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(node.pollUrl()).statusCode()).isEqualTo(200);
        }
        assertThat(Http.get(node.pollUrl() + "?access_token=user-ann").statusCode()).isEqualTo(200);
        assertThat(Http.get(node.pollUrl(), "X-Access-Token", "user-ben").statusCode()).isEqualTo(200);

        PrometheusText after = node.scrape();
        assertThat(after.value("appmessage_polls_total", "outcome", "ok", "mode", "poll")).isEqualTo(5);
        assertThat(after.value("appmessage_poll_duration_seconds_count")).isEqualTo(5);
        assertThat(after.value("appmessage_polls_in_flight")).isZero();
        assertThat(after.value("appmessage_handler_duration_seconds_count", "handler", STATUS)).isEqualTo(5);
        assertThat(after.value("appmessage_handler_failures_total", "handler", FLAKY, "kind", "threw")).isEqualTo(5);
        assertThat(after.value("appmessage_handler_failures_total", "handler", STATUS, "kind", "threw")).isZero();
        assertThat(after.value("appmessage_online_users")).isEqualTo(2);
        assertThat(after.text).doesNotContain("user-ann").doesNotContain("user-ben");
        assertThat(node.server.presence().isOnline("user-ann")).isTrue();
        assertThat(node.server.presence().isOnline("user-nobody")).isFalse();
        assertThat(node.server.presence().onlineCount()).isEqualTo(2);
        assertThat(log.text()).contains(FLAKY).doesNotContain("user-ann");
    }

    @Test
    void theConsoleStateCarriesEachHandlersLastErrorAsOneLine() {
        assertThat(Http.get(node.pollUrl()).statusCode()).isEqualTo(200);

        String state = Http.get(node.managementUrl() + "/console/state", "Authorization", "Bearer " + DemoNode.ADMIN_TOKEN)
                .body();
        assertThat(state).contains("{\"id\":\"" + FLAKY + "\",\"calls\":1,")
                .contains("\"failures\":1,\"lastError\":\"java.lang.IllegalStateException: inventory service down"
                        + " (thrown on purpose by the test app)\",\"lastErrorAt\":")
                .contains("{\"id\":\"" + STATUS + "\",\"calls\":1,")
                .doesNotContain("\tat ").doesNotContain("FaultyHandlers.flaky(")
                .contains("pollDeadline=2000 ms, maxBodyBytes=").contains("adminToken=set").doesNotContain(DemoNode.ADMIN_TOKEN);
        assertThat(state.substring(state.indexOf(STATUS))).startsWith(STATUS + "\",\"calls\":1,")
                .containsPattern("^[^}]*\"lastError\":null");
    }

    @Test
    void refusalsAreCountedByReason() {
        assertThat(Http.get(node.pollUrl() + "?access_token=bad").statusCode()).isEqualTo(401);
        assertThat(Http.get(node.pollUrl() + "?wait=soon").statusCode()).isEqualTo(400);

        PrometheusText after = node.scrape();
        assertThat(after.value("appmessage_refused_total", "reason", "unauthorized")).isEqualTo(1);
        assertThat(after.value("appmessage_refused_total", "reason", "bad_request")).isEqualTo(1);
        assertThat(after.value("appmessage_refused_total", "reason", "overloaded")).isZero();
    }

    @Test
    void aHeldLongPollWokenByAMessageMovesHoldSendDeliveryAndLag() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> held = client.sendAsync(
                HttpRequest.newBuilder(URI.create(node.pollUrl() + "?access_token=user-cat&wait=20"))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        await(() -> node.scrape().value("appmessage_polls_held") == 1);
        assertThat(node.scrape().value("appmessage_polls_in_flight")).isEqualTo(1);

        node.outbox.sendJson("user-cat", "order_shipped", "{\"order\":42}");

        HttpResponse<String> answer = held.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.body()).contains("order_shipped");
        PrometheusText after = node.scrape();
        assertThat(after.value("appmessage_polls_held")).isZero();
        assertThat(after.value("appmessage_holds_ended_total", "end", "woken")).isEqualTo(1);
        assertThat(after.value("appmessage_polls_total", "outcome", "ok", "mode", "long_poll")).isEqualTo(1);
        assertThat(after.value("appmessage_messages_sent_total")).isEqualTo(1);
        assertThat(after.value("appmessage_messages_delivered_total")).isEqualTo(1);
        assertThat(after.value("appmessage_delivery_lag_seconds_count")).isEqualTo(1);
        assertThat(after.value("appmessage_delivery_lag_seconds_bucket", "le", "10.0")).isEqualTo(1);
        assertThat(after.value("appmessage_store_up")).isEqualTo(1);
    }

    @Test
    void presenceIsOffUnlessTheBuilderIsGivenOne() {
        try (AppMessageServer plain = AppMessageServer.builder().port(0).build()) {
            assertThatThrownBy(plain::presence).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("presence is off").hasMessageContaining(".presence(Presence.local(");
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}

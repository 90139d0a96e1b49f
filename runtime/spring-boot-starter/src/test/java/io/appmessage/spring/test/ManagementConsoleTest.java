package io.appmessage.spring.test;

import io.appmessage.spring.AppMessageManagementListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management listener inside a real Boot app (Boot's Micrometer, the starter's Undertow): {@code /metrics}
 * on its own port, the console behind the admin token, its plugin switch reaching the app's next poll.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "appmessage.management.port=0",
                "appmessage.management.admin-token=" + ManagementConsoleTest.TOKEN,
                "appmessage.outbox.store=embedded",
                "appmessage.outbox.data-dir=target/outbox-management-${random.uuid}"})
class ManagementConsoleTest {

    static final String TOKEN = "console-token-0123456789";
    private static final String POLL = "/api/message/index";
    /** One sample line of the Prometheus text format: name, optional labels, a number. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*\\})? "
                    + "(-?[0-9.]+([eE][-+]?[0-9]+)?|NaN|[+-]Inf)( -?[0-9]+)?");
    private static final Pattern POLLS_OK = Pattern.compile(
            "(?m)^appmessage_polls_total\\{[^}]*mode=\"poll\"[^}]*outcome=\"ok\"[^}]*\\} ([0-9.eE+-]+)$");

    @Value("${local.server.port}")
    int appPort;
    @Autowired
    AppMessageManagementListener listener;
    @Autowired
    MeterRegistry appRegistry;

    /** Boot 3.5's BOM gives an app Micrometer 1.15, Boot 4.0's 1.16: not the 1.17 the metrics module is built with. */
    @Test
    void itRunsOnTheMicrometerBootManages_andTheStartersUndertow() {
        String micrometer = org.springframework.boot.SpringBootVersion.getVersion().startsWith("3.5.") ? "1.15." : "1.16.";
        assertThat(MeterRegistry.class.getPackage().getImplementationVersion()).as("Boot's Micrometer").startsWith(micrometer);
        assertThat(io.undertow.Version.getVersionString()).as("the starter's Undertow (Boot 3.5's)").startsWith("2.3.");
    }

    @Test
    void metrics_isPrometheusText_andMovesWithAPollToTheAppsPath() {
        HttpResponse<String> before = Http.get(listener.port(), "/metrics");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertPrometheusText(before.body());
        double polled = pollsOk(before.body());
        double appCounted = appRegistry.find("appmessage.polls").tag("outcome", "ok").counters().stream()
                .mapToDouble(c -> c.count()).sum();

        assertThat(Http.get(appPort, POLL, "X-Access-Token", "t-ann").statusCode()).isEqualTo(200);

        String after = Http.get(listener.port(), "/metrics").body();
        assertPrometheusText(after);
        assertThat(pollsOk(after)).isEqualTo(polled + 1);
        assertThat(appRegistry.find("appmessage.polls").tag("outcome", "ok").counters().stream()
                .mapToDouble(c -> c.count()).sum()).as("the app's own MeterRegistry counts too").isEqualTo(appCounted + 1);
    }

    @Test
    void console_refusesWithoutTheToken_andLoadsWithIt() {
        for (HttpResponse<String> refused : java.util.List.of(Http.get(listener.port(), "/console"),
                Http.get(listener.port(), "/console?token=wrong-token-0123456789"),
                Http.get(listener.port(), "/console/state", "Authorization", "Bearer nope"))) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).isEmpty();
        }
        HttpResponse<String> page = Http.get(listener.port(), "/console?token=" + TOKEN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("uPlot");
        HttpResponse<String> state = Http.get(listener.port(), "/console/state", "Authorization", "Bearer " + TOKEN);
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).as("the starter's engine: its plugins and settings").contains("shop")
                .contains("/api/message/index");
    }

    @Test
    void switchingAPluginOffInTheConsole_removesItsKeysFromTheAppsNextPoll() {
        assertThat(Http.get(appPort, POLL, "X-Access-Token", "t-bo").body()).contains("\"shop_banner\":\"sale today\"");
        try {
            assertThat(switchPlugin("shop", false).body()).isEqualTo("{\"plugin\":\"shop\",\"enabled\":false}");
            String next = Http.get(appPort, POLL, "X-Access-Token", "t-bo").body();
            assertThat(next).doesNotContain("shop_banner").contains("\"greeting\":\"hello bo\"");
        } finally {
            assertThat(switchPlugin("shop", true).statusCode()).isEqualTo(200);
        }
        assertThat(Http.get(appPort, POLL, "X-Access-Token", "t-bo").body()).contains("shop_banner");
    }

    @Test
    void aTestMessageFromTheConsole_reachesThatUsersPoll() {
        String cursor = Http.cursorOf(Http.get(appPort, POLL, "X-Access-Token", "t-cy").body());
        HttpResponse<String> sent = Http.send(Http.request(listener.port(), "/console/send",
                        "Authorization", "Bearer " + TOKEN, "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=cy&key=notice&json=%22from%20the%20console%22")).build());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(Http.get(appPort, POLL + "?cursor=" + cursor, "X-Access-Token", "t-cy").body())
                .contains("\"key\":\"notice\",\"data\":\"from the console\"");
    }

    private HttpResponse<String> switchPlugin(String plugin, boolean enabled) {
        return Http.send(Http.request(listener.port(), "/console/plugins",
                        "Authorization", "Bearer " + TOKEN, "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("plugin=" + plugin + "&enabled=" + enabled)).build());
    }

    private static double pollsOk(String metrics) {
        Matcher m = POLLS_OK.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Every line is a # HELP / # TYPE comment or a sample; every sample's family was typed. */
    static void assertPrometheusText(String text) {
        assertThat(text).contains("# TYPE appmessage_polls_total counter");
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            assertThat(SAMPLE.matcher(line).matches()).as("a Prometheus sample line: %s", line).isTrue();
        }
    }
}

package io.appmessage.spring.test;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.spi.PollObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the poll endpoint does in a real Spring Boot app on a random port, whichever web stack serves it:
 * the same answers as the standalone server, handler beans, long-polls woken by a send and a notify, and a
 * client that goes away freeing its hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PollEndpointContract {

    static final String POLL = "/api/message/index";

    @Value("${local.server.port}")
    int port;
    @Autowired
    AppMessageServer server;
    @Autowired
    AppMessageOutbox outbox;
    @Autowired
    InstanceProvider instances;
    @Autowired
    Authenticator authenticator;
    @Autowired
    HoldEnds holdEnds;

    /** The standalone server over the same handlers, for comparing answers byte for byte. */
    private AppMessageServer standalone;
    private AppMessageOutbox standaloneOutbox;

    @BeforeAll
    void startStandalone() {
        standaloneOutbox = AppMessageOutbox.embedded(java.nio.file.Path.of("target", "outbox-standalone-" + System.nanoTime()));
        standalone = AppMessageServer.builder().outbox(standaloneOutbox).environment(Map.of()).host("127.0.0.1").port(0)
                .instanceProvider(instances).authenticator(authenticator).maxBodyBytes(1024).healthPath(null)
                .build().start();
    }

    @AfterAll
    void stopStandalone() {
        standalone.close();
        standaloneOutbox.close();
    }

    @Test
    void anonymousPoll_getsTheHandlersData_fromBeanAndNonBeanHandlers() {
        HttpResponse<String> answer = Http.get(port, POLL);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("application/json;charset=utf-8"));
        assertThat(answer.body()).startsWith("{\"code\":0,\"msg\":\"\",\"data\":{\"greeting\":\"hello guest\",\"shop_banner\":\"sale today\"}");
    }

    @Test
    void authenticatedPoll_seesItsUser_throughTheAuthenticatorBean() {
        HttpResponse<String> answer = Http.get(port, POLL, "X-Access-Token", "t-alice");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"greeting\":\"hello alice\"");
    }

    @Test
    void answers_areTheStandaloneServers() {
        List<HttpRequest.Builder> cases = List.of(
                Http.request(0, POLL).GET(),
                Http.request(0, POLL, "X-Access-Token", "bad").GET(),
                Http.request(0, POLL + "?access_token=t-carol").GET(),
                Http.request(0, POLL + "?wait=abc").GET(),
                Http.request(0, POLL).PUT(HttpRequest.BodyPublishers.ofString("x")),
                Http.request(0, POLL).DELETE(),
                Http.request(0, POLL).POST(HttpRequest.BodyPublishers.ofString("small=body")),
                Http.request(0, POLL).POST(HttpRequest.BodyPublishers.ofString("x".repeat(2048))));
        for (HttpRequest.Builder template : cases) {
            HttpRequest probe = template.build();
            HttpResponse<String> spring = Http.send(Http.retarget(probe, port));
            HttpResponse<String> alone = Http.send(Http.retarget(probe, standalone.port()));
            String what = probe.method() + " " + probe.uri();
            assertThat(spring.statusCode()).as(what).isEqualTo(alone.statusCode());
            assertThat(withoutCursor(spring.body())).as(what).isEqualTo(withoutCursor(alone.body()));
            for (String header : List.of("Retry-After", "Allow", "Cache-Control", "X-Content-Type-Options")) {
                assertThat(spring.headers().firstValue(header)).as(what + " " + header).isEqualTo(alone.headers().firstValue(header));
            }
        }
    }

    @Test
    void longPoll_isWokenBySend() throws Exception {
        String cursor = Http.cursorOf(Http.get(port, POLL, "X-Access-Token", "t-dave").body());
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> held = Http.getAsync(port, POLL + "?wait=20&cursor=" + cursor,
                "X-Access-Token", "t-dave");
        assertThat(Http.eventually(Duration.ofSeconds(5), () -> server.heldPolls() >= 1)).as("held").isTrue();
        outbox.sendJson("dave", "order_shipped", "{\"order\":42}");
        HttpResponse<String> answer = held.get(5, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"key\":\"order_shipped\"").contains("\"order\":42");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void longPoll_isWokenByNotifyUser() throws Exception {
        String cursor = Http.cursorOf(Http.get(port, POLL, "X-Access-Token", "t-erin").body());
        CompletableFuture<HttpResponse<String>> held = Http.getAsync(port, POLL + "?wait=20&cursor=" + cursor,
                "X-Access-Token", "t-erin");
        assertThat(Http.eventually(Duration.ofSeconds(5), () -> server.heldPolls() >= 1)).as("held").isTrue();
        server.notifyUser("erin");
        HttpResponse<String> answer = held.get(5, TimeUnit.SECONDS);
        assertThat(answer.body()).contains("\"greeting\":\"hello erin\"");
    }

    @Test
    void clientThatGoesAway_freesItsHoldAtOnce() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(containerReportsClientGone(),
                "this container does not report a closed connection while a request is async");
        String cursor = Http.cursorOf(Http.get(port, POLL, "X-Access-Token", "t-frank").body());
        int before = server.heldPolls();
        int goneBefore = holdEnds.count(PollObserver.HoldEnd.CLIENT_GONE);
        try (Socket socket = Http.openGet(port, POLL + "?wait=20&cursor=" + cursor, "X-Access-Token", "t-frank")) {
            assertThat(socket.isConnected()).isTrue();
            assertThat(Http.eventually(Duration.ofSeconds(5), () -> server.heldPolls() == before + 1)).as("held").isTrue();
        }
        assertThat(Http.eventually(Duration.ofSeconds(3), () -> server.heldPolls() == before))
                .as("the hold is freed when the client closes, not when its 20 s wait ends").isTrue();
        assertThat(holdEnds.count(PollObserver.HoldEnd.CLIENT_GONE)).as("the observer bean heard it").isEqualTo(goneBefore + 1);
    }

    /** Whether the web server tells an async request that its client closed the connection. */
    abstract boolean containerReportsClientGone();

    /** The cursor is opaque and store-specific; everything else must be equal. */
    private static String withoutCursor(String body) {
        return body.replaceAll("\"cursor\":\"[^\"]*\"", "\"cursor\":\"…\"");
    }
}

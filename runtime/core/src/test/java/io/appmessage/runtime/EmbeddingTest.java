package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import io.undertow.Handlers;
import io.undertow.Undertow;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 3, items 1 and 7: the HttpHandler to mount, the framework-neutral call, health, configuration. */
class EmbeddingTest {

    private static final TestRegistry REGISTRY = TestRegistry.of(
            HandlerDescriptor.value("T#k", "", 0, "k", (request, message) -> request.queryParameter("v")),
            HandlerDescriptor.async("T#a", "", 1, "a", (request, message) ->
                    CompletableFuture.supplyAsync(() -> "async", CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS))));

    @Test
    void httpHandler_mountedInTheAppsOwnUndertow_answersPolls() {
        try (AppMessageServer appMessage = Servers.builder(REGISTRY).build()) { // built, never started
            Undertow app = Undertow.builder()
                    .addHttpListener(0, "127.0.0.1")
                    .setHandler(Handlers.path().addExactPath("/my/poll", appMessage.httpHandler()))
                    .build();
            app.start();
            try {
                int port = ((InetSocketAddress) app.getListenerInfo().get(0).getAddress()).getPort();
                var response = Http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/my/poll?v=x")).build());
                assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"k\":\"x\",\"a\":\"async\"}}");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void otherRoutes_answerEveryOtherPath_pollAndHealthStayTheServers() {
        var routes = Handlers.path(exchange -> exchange.getResponseSender().send("page"))
                .addExactPath("/api/send", exchange -> exchange.getResponseSender().send("sent"));
        try (AppMessageServer server = Servers.builder(REGISTRY).otherRoutes(routes).build().start()) {
            assertThat(Http.get(server, "/api/send").body()).isEqualTo("sent");
            assertThat(Http.get(server, "/anything/else").body()).isEqualTo("page");
            assertThat(Http.get(server, "/api/message/index?v=x").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"k\":\"x\",\"a\":\"async\"}}");
            assertThat(Http.get(server, "/health").body()).isEqualTo("{\"code\":0,\"msg\":\"ok\",\"data\":null}");
        }
        try (AppMessageServer server = Servers.start(REGISTRY)) {
            var missing = Http.get(server, "/anything/else");
            assertThat(missing.statusCode()).as("without other routes: 404 with the envelope").isEqualTo(404);
            assertThat(missing.body()).startsWith("{\"code\":404,");
        }
    }

    @Test
    void dispatcher_answersWithoutHttp() throws Exception {
        try (AppMessageServer appMessage = Servers.builder(REGISTRY).build()) {
            PollResponse answer = appMessage.dispatcher().poll("GET", "v=%E4%BD%A0", name -> null)
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.bodyText()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"k\":\"你\",\"a\":\"async\"}}");
            assertThat(appMessage.dispatcher().poll("PUT", null, name -> null).toCompletableFuture().get().status())
                    .isEqualTo(405);
        }
    }

    @Test
    void health_answers200AndCanBeMovedOrSwitchedOff() {
        try (AppMessageServer server = Servers.start(REGISTRY)) {
            var health = Http.get(server, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"code\":0,\"msg\":\"ok\",\"data\":null}");
        }
        try (AppMessageServer server = Servers.builder(REGISTRY).healthPath(null).build().start()) {
            assertThat(Http.get(server, "/health").statusCode()).isEqualTo(404);
        }
        try (AppMessageServer server = Servers.builder(REGISTRY).healthPath("/lb").path("/poll").build().start()) {
            assertThat(Http.get(server, "/lb").statusCode()).isEqualTo(200);
            assertThat(Http.get(server, "/poll?v=1").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void environment_overridesTheBuilder() {
        try (AppMessageServer server = Servers.builder(REGISTRY)
                .port(1) // a privileged port that would fail: PORT wins
                .healthPath("/health")
                .environment(Map.of("PORT", "0", "APPMESSAGE_PATH", "/env/poll", "APPMESSAGE_HEALTH_PATH", "off",
                        "APPMESSAGE_DISABLED_PLUGINS", "wxapp, shop"))
                .build().start()) {
            assertThat(server.port()).isPositive();
            assertThat(Http.get(server, "/env/poll?v=e").statusCode()).isEqualTo(200);
            assertThat(Http.get(server, "/health").statusCode()).isEqualTo(404);
            assertThat(server.plugins().disabled()).containsExactlyInAnyOrder("wxapp", "shop");
        }
    }

    @Test
    void badEnvironmentValue_failsStartNamingTheVariable() {
        assertThatThrownBy(() -> Servers.builder(REGISTRY).environment(Map.of("APPMESSAGE_POLL_DEADLINE_MS", "soon")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("APPMESSAGE_POLL_DEADLINE_MS");
    }
}

package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3, items 1 and 5: at most N polls in flight (503 + Retry-After, then recovery), graceful close. */
class OverloadAndShutdownTest {

    /** Async handlers whose stages the test completes, so polls stay in flight as long as it wants. */
    private static final class Gate {
        final CopyOnWriteArrayList<CompletableFuture<Object>> waiting = new CopyOnWriteArrayList<>();

        HandlerDescriptor handler() {
            return HandlerDescriptor.async("T#gate", "", 0, "gate", (request, message) -> {
                CompletableFuture<Object> stage = new CompletableFuture<>();
                waiting.add(stage);
                return stage;
            });
        }

        void awaitWaiting(int n) throws InterruptedException {
            for (int i = 0; i < 1000 && waiting.size() < n; i++) {
                Thread.sleep(10);
            }
            assertThat(waiting).hasSizeGreaterThanOrEqualTo(n);
        }

        void openAll() {
            waiting.forEach(stage -> stage.complete("open"));
        }
    }

    @Test
    void beyondMaxInFlight_is503WithRetryAfter_thenRecovers() throws Exception {
        Gate gate = new Gate();
        try (AppMessageServer server = Servers.builder(TestRegistry.of(gate.handler()))
                .maxInFlight(2)
                .retryAfterSeconds(7)
                .pollDeadline(Duration.ofSeconds(30))
                .build().start()) {
            var first = Http.getAsync(server, "/api/message/index");
            var second = Http.getAsync(server, "/api/message/index");
            gate.awaitWaiting(2);

            HttpResponse<String> refused = Http.get(server, "/api/message/index");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(refused.body()).isEqualTo("{\"code\":503,\"msg\":\"server busy, retry later\",\"data\":null}");

            gate.openAll();
            assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(second.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            var recovered = Http.getAsync(server, "/api/message/index");
            gate.awaitWaiting(3);
            gate.openAll();
            assertThat(recovered.get(20, TimeUnit.SECONDS).body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"gate\":\"open\"}}");
        }
    }

    @Test
    void close_letsInFlightPollsFinishAndRefusesNewOnes() throws Exception {
        Gate gate = new Gate();
        AppMessageServer server = Servers.builder(TestRegistry.of(gate.handler()))
                .pollDeadline(Duration.ofSeconds(30))
                .shutdownGrace(Duration.ofSeconds(20))
                .build().start();
        try {
            var inFlight = Http.getAsync(server, "/api/message/index");
            gate.awaitWaiting(1);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            for (int i = 0; i < 500 && Http.get(server, "/health").statusCode() == 200; i++) {
                Thread.sleep(10);
            }
            assertThat(Http.get(server, "/health").statusCode()).as("health tells the load balancer").isEqualTo(503);
            HttpResponse<String> refused = Http.get(server, "/api/message/index");
            assertThat(refused.statusCode()).as("new polls are refused once closing began").isEqualTo(503);
            assertThat(refused.body()).isEqualTo("{\"code\":503,\"msg\":\"server shutting down, retry later\",\"data\":null}");
            assertThat(closing).as("close waits for the poll in flight").isNotDone();

            gate.openAll();
            HttpResponse<String> answered = inFlight.get(20, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"gate\":\"open\"}}");
            closing.get(20, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
    }

    @Test
    void close_withNothingInFlight_returnsAndStopsListening() {
        AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.value("T#k", "", 0, "k", (request, message) -> "v")));
        int port = server.port();
        server.close();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            throw new AssertionError("still accepting connections on " + socket);
        } catch (java.io.IOException expected) {
            // refused: nothing listens any more
        }
    }
}

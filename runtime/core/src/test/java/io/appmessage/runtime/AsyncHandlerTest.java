package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3, item 2: async handlers are awaited up to the deadline and hold no worker while they wait. */
class AsyncHandlerTest {

    @Test
    void asyncValueAndAsyncImperative_arePushedWithinTheDeadline() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.async("T#stock", "", 0, "stock",
                        (request, message) -> CompletableFuture.supplyAsync(() -> 7,
                                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))),
                HandlerDescriptor.async("T#pushes", "", 1, "", (request, message) ->
                        CompletableFuture.runAsync(() -> message.push("later", "yes"),
                                CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS))),
                HandlerDescriptor.value("T#sync", "", 2, "sync", (request, message) -> "s")))) {
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"stock\":7,\"later\":\"yes\",\"sync\":\"s\"}}");
        }
    }

    @Test
    void asyncHandlerSlowerThanDeadline_answerComesWithoutItsKey() {
        CompletableFuture<Object> never = new CompletableFuture<>();
        try (AppMessageServer server = Servers.builder(TestRegistry.of(
                        HandlerDescriptor.async("T#slow", "", 0, "slow", (request, message) -> never),
                        HandlerDescriptor.value("T#fast", "", 1, "fast", (request, message) -> 1)))
                .pollDeadline(Duration.ofMillis(200))
                .build().start()) {
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"fast\":1}}");
            never.complete("too late"); // completing after the answer changes nothing and breaks nothing
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"slow\":\"too late\",\"fast\":1}}");
        }
    }

    @Test
    void waitingAsyncPoll_holdsNoWorker_soAnotherPollOnTheOnlyWorkerCanCompleteIt() throws Exception {
        AtomicReference<CompletableFuture<Object>> waiting = new AtomicReference<>();
        try (AppMessageServer server = Servers.builder(TestRegistry.of(
                        HandlerDescriptor.async("T#wait", "", 0, "released", (request, message) -> {
                            if (!"wait".equals(request.queryParameter("role"))) {
                                return CompletableFuture.completedFuture(null);
                            }
                            CompletableFuture<Object> stage = new CompletableFuture<>();
                            waiting.set(stage);
                            return stage;
                        }),
                        HandlerDescriptor.imperative("T#release", "", 1, (request, message) -> {
                            if ("release".equals(request.queryParameter("role"))) {
                                waiting.get().complete("by the second poll");
                            }
                            return null;
                        })))
                .workerThreads(1)
                .pollDeadline(Duration.ofSeconds(10))
                .build().start()) {
            var first = Http.getAsync(server, "/api/message/index?role=wait");
            for (int i = 0; i < 500 && waiting.get() == null; i++) {
                Thread.sleep(10);
            }
            assertThat(waiting.get()).as("first poll reached its async handler").isNotNull();
            // if the first poll's wait held the only worker, this poll's handler could not run
            // until the 10 s deadline and the first answer would lack "released"
            assertThat(Http.get(server, "/api/message/index?role=release").statusCode()).isEqualTo(200);
            assertThat(first.get(20, TimeUnit.SECONDS).body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"released\":\"by the second poll\"}}");
        }
    }
}

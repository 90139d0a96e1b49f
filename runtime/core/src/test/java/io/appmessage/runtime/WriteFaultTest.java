package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.runtime.internal.dispatch.PollContext;
import io.appmessage.runtime.internal.dispatch.PollExtension;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, items 3 and 4: whatever user code throws while its value is written (an Error included)
 * drops that key only, the poll is answered and its in-flight permit comes back; each value is
 * written once, so one-shot iterables survive another handler's unwritable value.
 */
class WriteFaultTest {

    private static final HandlerDescriptor GOOD =
            HandlerDescriptor.value("T#good", "", 0, "good", (request, message) -> "ok");

    /** An Iterable whose iterator fails half-way with an Error, as a buggy custom collection might. */
    private static final Iterable<Object> FAILS_WITH_AN_ERROR = () -> new Iterator<>() {
        private int n;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Object next() {
            if (n++ == 2) {
                throw new AssertionError("broken iterator");
            }
            return n;
        }
    };

    private static HttpResponse<String> poll(AppMessageServer server) {
        // a short timeout: an unanswered poll fails here rather than at the suite's timeout
        return Http.send(Http.request(server, "/api/message/index").timeout(Duration.ofSeconds(5)).GET().build());
    }

    @Test
    void errorWhileWritingAValue_dropsOnlyThatKey_andReturnsThePermit() {
        try (AppMessageServer server = Servers.builder(TestRegistry.of(GOOD,
                        HandlerDescriptor.value("T#broken", "", 5, "broken", (request, message) -> FAILS_WITH_AN_ERROR)))
                .maxInFlight(1)
                .build().start()) {
            for (int i = 0; i < 3; i++) { // with one permit, a leaked one would make the second poll a 503
                HttpResponse<String> response = poll(server);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"good\":\"ok\"}}");
            }
        }
    }

    @Test
    void oneShotIterableBesideAnotherHandlersUnwritableValue_isKept() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.value("T#stream", "", 0, "letters",
                        (request, message) -> (Iterable<String>) Stream.of("x", "y")::iterator),
                HandlerDescriptor.value("T#bad", "", 5, "bad", (request, message) -> List.of(new Object()))))) {
            assertThat(poll(server).body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"letters\":[\"x\",\"y\"]}}");
        }
    }

    @Test
    void stackOverflowInOneHandler_losesOnlyItsKeys() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(GOOD,
                HandlerDescriptor.imperative("T#recursive", "", 5, (request, message) -> {
                    message.push("partial", "must not appear");
                    return recurse(0);
                })))) {
            HttpResponse<String> response = poll(server);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"good\":\"ok\"}}");
        }
    }

    @Test
    void stackOverflowWhileWritingAValue_dropsOnlyThatKey() {
        Iterable<Object> overflows = () -> {
            recurse(0);
            return List.of().iterator();
        };
        try (AppMessageServer server = Servers.start(TestRegistry.of(GOOD,
                HandlerDescriptor.value("T#deep", "", 5, "deep", (request, message) -> overflows)))) {
            assertThat(poll(server).body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"good\":\"ok\"}}");
        }
    }

    @Test
    void errorInAnExtensionAfterAHold_isAnswered500_andThePermitReturns() {
        PollExtension holds = new PollExtension() {
            @Override
            public CompletionStage<?> beforeHandlers(PollContext poll) {
                return CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
            }
        };
        PollExtension breaks = new PollExtension() {
            @Override
            public CompletionStage<?> beforeHandlers(PollContext poll) {
                throw new AssertionError("extension bug");
            }
        };
        try (AppMessageServer server = Servers.builder(TestRegistry.of(GOOD))
                .extension(holds)
                .extension(breaks)
                .maxInFlight(1)
                .build().start()) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> response = poll(server);
                assertThat(response.statusCode()).isEqualTo(500);
                assertThat(response.body()).isEqualTo("{\"code\":500,\"msg\":\"internal server error\",\"data\":null}");
            }
        }
    }

    private static Object recurse(int depth) {
        return depth < Integer.MAX_VALUE ? recurse(depth + 1) : null;
    }
}

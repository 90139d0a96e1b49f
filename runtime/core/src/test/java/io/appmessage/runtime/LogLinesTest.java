package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, items 3, 4 and 6: the log lines operators rely on, read from what slf4j-simple writes
 * (the surefire configuration turns on debug for the Poll logger, which carries the overwrite line).
 */
class LogLinesTest {

    private static final HandlerDescriptor GOOD = HandlerDescriptor.value("T#good", "", 0, "good", (request, message) -> "ok");

    @Test
    void startUp_logsOneLineWithTheRegistriesAndTheHandlerCount() {
        TestRegistry registry = TestRegistry.of(GOOD,
                HandlerDescriptor.value("T#other", "", 1, "other", (request, message) -> "ok"));
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.start(registry)) {
            assertThat(log.lines("AppMessage listening on http://127.0.0.1:" + server.port()
                    + "/api/message/index: 2 handlers from 1 registries [" + TestRegistry.class.getName()
                    + " (2 handlers, test-classes)]"))
                    .isEqualTo(1);
        }
    }

    @Test
    void failingHandler_isNamedById_andRateLimitedWithTheCountHeldBack() throws Exception {
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.builder(TestRegistry.of(GOOD,
                             HandlerDescriptor.value("T#broken", "", 5, "broken", (request, message) -> {
                                 throw new IllegalStateException("boom");
                             })))
                     .faultLogInterval(Duration.ofSeconds(2))
                     .build().start()) {
            for (int i = 0; i < 3; i++) {
                Http.get(server, "/api/message/index");
            }
            assertThat(log.lines("handler T#broken failed, its keys are left out of this answer"))
                    .as("one line for three faults within the interval").isEqualTo(1);
            Thread.sleep(2_100); // past the interval: the next fault is logged with what was held back
            Http.get(server, "/api/message/index");
            assertThat(log.lines("handler T#broken failed")).isEqualTo(2);
            assertThat(log.text()).containsPattern("handler T#broken failed, its keys are left out of this answer"
                    + " \\(\\d+ similar faults of this handler not logged\\)");
        }
    }

    @Test
    void asyncHandlerMissingTheDeadline_isNamedWithTheDeadline() {
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.builder(TestRegistry.of(GOOD,
                             HandlerDescriptor.async("T#never", "", 5, "never", (request, message) -> new CompletableFuture<>())))
                     .pollDeadline(Duration.ofMillis(100))
                     .build().start()) {
            Http.get(server, "/api/message/index");
            assertThat(log.lines("handler T#never did not complete within the poll deadline of 100 ms")).isEqualTo(1);
        }
    }

    @Test
    void unwritableValue_logLineNamesKeyTypeAndHandler() {
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.start(TestRegistry.of(GOOD,
                     HandlerDescriptor.value("T#bad", "", 5, "bad", (request, message) -> new Thread())))) {
            Http.get(server, "/api/message/index");
            assertThat(log.lines("key 'bad' pushed by T#bad has a value of type java.lang.Thread"
                    + " that cannot be written as JSON")).isEqualTo(1);
        }
    }

    @Test
    void overwrittenKey_isLoggedAtDebugWithBothHandlerIds() {
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.start(TestRegistry.of(GOOD,
                     HandlerDescriptor.value("T#later", "", 5, "good", (request, message) -> "later")))) {
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"good\":\"later\"}}");
            assertThat(log.lines("DEBUG io.appmessage.runtime.internal.dispatch.HandlerRun - key 'good' pushed by T#good"
                    + " is overwritten by T#later")).isEqualTo(1);
        }
    }
}

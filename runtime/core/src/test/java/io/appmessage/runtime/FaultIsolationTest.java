package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3, item 4: a faulty handler loses only its own keys; the others' data still comes back. */
class FaultIsolationTest {

    private static final HandlerDescriptor GOOD_BEFORE =
            HandlerDescriptor.value("T#before", "", 0, "before", (request, message) -> "ok");
    private static final HandlerDescriptor GOOD_AFTER =
            HandlerDescriptor.value("T#after", "", 9, "after", (request, message) -> "ok");
    private static final String ONLY_GOOD = "{\"code\":0,\"msg\":\"\",\"data\":{\"before\":\"ok\",\"after\":\"ok\"}}";

    /** The answer through a dispatched registry (as generated code runs), checked equal through plain calls. */
    private static String pollWith(HandlerDescriptor faulty) {
        String dispatched = pollWith(TestRegistry.of(GOOD_BEFORE, faulty, GOOD_AFTER));
        assertThat(pollWith(TestRegistry.plain(GOOD_BEFORE, faulty, GOOD_AFTER))).isEqualTo(dispatched);
        return dispatched;
    }

    private static String pollWith(TestRegistry registry) {
        try (AppMessageServer server = Servers.builder(registry)
                .pollDeadline(Duration.ofMillis(300))
                .build().start()) {
            var response = Http.get(server, "/api/message/index");
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    @Test
    void imperativeHandlerThrows_itsEarlierPushesAreDroppedAndOthersKept() {
        assertThat(pollWith(HandlerDescriptor.imperative("T#broken", "", 5, (request, message) -> {
            message.push("partial", "must not appear");
            throw new IllegalStateException("boom");
        }))).isEqualTo(ONLY_GOOD);
    }

    @Test
    void valueHandlerThrowsCheckedException_othersKept() {
        assertThat(pollWith(HandlerDescriptor.value("T#broken", "", 5, "broken", (request, message) -> {
            throw new java.io.IOException("database down");
        }))).isEqualTo(ONLY_GOOD);
    }

    @Test
    void asyncHandlerFails_othersKept() {
        assertThat(pollWith(HandlerDescriptor.async("T#broken", "", 5, "broken",
                (request, message) -> CompletableFuture.failedFuture(new RuntimeException("remote failed")))))
                .isEqualTo(ONLY_GOOD);
    }

    @Test
    void asyncHandlerThrowsBeforeReturningAStage_othersKept() {
        assertThat(pollWith(HandlerDescriptor.async("T#broken", "", 5, "broken", (request, message) -> {
            throw new UnsupportedOperationException("no");
        }))).isEqualTo(ONLY_GOOD);
    }

    @Test
    void asyncHandlerReturnsNoStage_othersKept() {
        assertThat(pollWith(HandlerDescriptor.async("T#broken", "", 5, "broken", (request, message) -> "not a stage")))
                .isEqualTo(ONLY_GOOD);
    }

    @Test
    void asyncHandlerMissesTheDeadline_othersKept() {
        assertThat(pollWith(HandlerDescriptor.async("T#never", "", 5, "never",
                (request, message) -> new CompletableFuture<>()))).isEqualTo(ONLY_GOOD);
    }

    @Test
    void unwritableValue_dropsOnlyThatKey() {
        assertThat(pollWith(HandlerDescriptor.imperative("T#mixed", "", 5, (request, message) -> {
            message.push("thread", Map.of("nested", new Object()));
            return null;
        }))).isEqualTo(ONLY_GOOD);
    }

    @Test
    void unwritableValueBesideAWritableOne_keepsTheWritableKeyOfTheSameHandler() {
        assertThat(pollWith(HandlerDescriptor.imperative("T#mixed", "", 5, (request, message) -> {
            message.push("fine", 1);
            message.push("bad", new Object());
            return null;
        }))).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"before\":\"ok\",\"fine\":1,\"after\":\"ok\"}}");
    }

    @Test
    void blankKey_isTheHandlersFault() {
        assertThat(pollWith(HandlerDescriptor.imperative("T#blank", "", 5, (request, message) -> {
            message.push("kept?", "no");
            message.push(" ", "x");
            return null;
        }))).isEqualTo(ONLY_GOOD);
    }

    @Test
    void allHandlersFail_answerIsStillTheEnvelopeWithNullData() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.imperative("T#broken", "", 0, (request, message) -> {
                    throw new Error("even an Error stays local");
                })))) {
            var response = Http.get(server, "/api/message/index");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":null}");
        }
    }
}

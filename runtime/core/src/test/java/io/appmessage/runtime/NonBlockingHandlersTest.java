package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerDescriptor.Kind;
import org.junit.jupiter.api.Test;
import org.xnio.XnioIoThread;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers declared non-blocking run on the Undertow I/O thread the poll arrived on, with no hop to
 * a worker; one blocking handler (the default) or a poll that needs the authenticator sends the
 * poll to a worker; a non-blocking handler that holds its I/O thread too long is logged by name.
 */
class NonBlockingHandlersTest {

    private static final String PATH = "/api/message/index";

    /** Pushes whether it ran on an I/O thread, under {@code key}. */
    private static HandlerDescriptor threadKind(String id, int order, String key, boolean blocking) {
        return HandlerDescriptor.of(id, "", order, Kind.VALUE, key, blocking,
                (request, message) -> Thread.currentThread() instanceof XnioIoThread ? "io" : "worker");
    }

    @Test
    void allNonBlocking_runOnTheIoThread() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                threadKind("T#a", 0, "a", false), threadKind("T#b", 1, "b", false)))) {
            HttpResponse<String> answer = Http.get(server, PATH);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"a\":\"io\",\"b\":\"io\"}}");
        }
    }

    @Test
    void oneBlockingHandler_thePollHopsToAWorker() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                threadKind("T#a", 0, "a", false), threadKind("T#b", 1, "b", true)))) {
            assertThat(Http.get(server, PATH).body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"a\":\"worker\",\"b\":\"worker\"}}");
        }
    }

    @Test
    void blockingIsTheDefault() {
        HandlerDescriptor plain = HandlerDescriptor.value("T#plain", "", 0, "a",
                (request, message) -> Thread.currentThread() instanceof XnioIoThread ? "io" : "worker");
        try (AppMessageServer server = Servers.start(TestRegistry.of(plain))) {
            assertThat(Http.get(server, PATH).body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"a\":\"worker\"}}");
        }
    }

    @Test
    void aPollThatNeedsTheAuthenticator_runsOnAWorker_anAnonymousOneOnTheIoThread() {
        HandlerDescriptor who = HandlerDescriptor.of("T#who", "", 0, Kind.VALUE, "who", false,
                (request, message) -> request.userId().orElse("anonymous") + "@"
                        + (Thread.currentThread() instanceof XnioIoThread ? "io" : "worker"));
        Authenticator sessions = token -> {
            assertThat(Thread.currentThread()).isNotInstanceOf(XnioIoThread.class); // may look a session up
            return Optional.of(Identity.of("alice"));
        };
        try (AppMessageServer server = Servers.builder(TestRegistry.of(who)).authenticator(sessions).build().start()) {
            assertThat(Http.get(server, PATH, "X-Access-Token", "t1").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"who\":\"alice@worker\"}}");
            assertThat(Http.get(server, PATH + "?access_token=t1").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"who\":\"alice@worker\"}}");
            assertThat(Http.get(server, PATH).body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"who\":\"anonymous@io\"}}");
        }
    }

    @Test
    void anAsyncNonBlockingHandler_finishesOnTheIoThread_andTheDeadlineStillAnswers() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        HandlerDescriptor later = HandlerDescriptor.of("T#later", "", 0, Kind.ASYNC, "later", false,
                (request, message) -> CompletableFuture.supplyAsync(() -> "done",
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)));
        HandlerDescriptor stuck = HandlerDescriptor.of("T#stuck", "", 1, Kind.ASYNC, "stuck", false,
                (request, message) -> never);
        HandlerDescriptor where = threadKind("T#where", 2, "where", false);
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.builder(TestRegistry.of(later, stuck, where))
                     // not this test's subject: a first call that loads classes on a busy machine may pass 10 ms
                     .nonBlockingWatchdog(Duration.ofSeconds(5))
                     .pollDeadline(Duration.ofMillis(300)).build().start()) {
            HttpResponse<String> answer = Http.getAsync(server, PATH).get(15, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"later\":\"done\",\"where\":\"io\"}}");
            assertThat(log.lines("handler T#stuck did not complete within the poll deadline of 300 ms")).isEqualTo(1);
        }
    }

    @Test
    void aSlowNonBlockingHandler_isNamedByTheWatchdog_once() throws Exception {
        HandlerDescriptor slow = HandlerDescriptor.of("T#slow", "", 0, Kind.VALUE, "slow", false, (request, message) -> {
            Thread.sleep(150); // blocks the I/O thread: a declaration mistake
            return "late";
        });
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.builder(TestRegistry.of(slow))
                     .nonBlockingWatchdog(Duration.ofMillis(10)).build().start()) {
            assertThat(Http.get(server, PATH).body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"slow\":\"late\"}}");
            assertThat(Http.get(server, PATH).body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"slow\":\"late\"}}");
            // the second hold is within the fault-log interval: held back, not logged
            assertThat(log.lines("non-blocking handler T#slow has held I/O thread")).isEqualTo(1);
            assertThat(log.text()).contains("(threshold 10 ms)").contains("declare it blocking");
        }
    }

    @Test
    void aFastNonBlockingHandler_isNotLogged() {
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.builder(TestRegistry.of(threadKind("T#fast", 0, "a", false)))
                     .nonBlockingWatchdog(Duration.ofMillis(200)).build().start()) {
            for (int i = 0; i < 20; i++) {
                assertThat(Http.get(server, PATH).body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"a\":\"io\"}}");
            }
            assertThat(log.lines("non-blocking handler")).isZero();
        }
    }
}

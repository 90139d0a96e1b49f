package io.appmessage.runtime;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.spi.OutboxStore;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@link PollObserver} event, fired from the real server over loopback HTTP. */
class PollObserverTest {

    /** Waits up to 5 s for {@code condition}. */
    private static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    /** Writes every event as one line, in the order heard. */
    static final class Recording implements PollObserver {
        final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();

        @Override
        public void pollAdmitted() {
            events.add("pollAdmitted");
        }

        @Override
        public void pollRefused(Refusal reason) {
            events.add("pollRefused " + reason);
        }

        @Override
        public void handlerFinished(String handlerId, HandlerOutcome outcome, long durationNanos) {
            assertThat(durationNanos).isNotNegative();
            events.add("handlerFinished " + handlerId + " " + outcome);
        }

        @Override
        public void pollAnswered(String userId, PollMode mode, int status, long durationNanos, int bytes,
                                 int messagesDelivered) {
            assertThat(durationNanos).isPositive();
            assertThat(bytes).isPositive();
            events.add("pollAnswered " + userId + " " + mode + " " + status + " " + messagesDelivered);
        }

        @Override
        public void holdStarted() {
            events.add("holdStarted");
        }

        @Override
        public void holdEnded(HoldEnd end, long heldNanos) {
            events.add("holdEnded " + end);
        }

        @Override
        public void messageDelivered(String key, Instant sentAt) {
            events.add("messageDelivered " + key);
        }

        @Override
        public void messageSent(String key) {
            events.add("messageSent " + key);
        }

        @Override
        public void sendFailed(String key, SendFailure failure) {
            events.add("sendFailed " + key + " " + failure);
        }

        @Override
        public void storeUnavailable() {
            events.add("storeUnavailable");
        }

        @Override
        public void storeAvailable() {
            events.add("storeAvailable");
        }

        boolean heard(String event) {
            return events.contains(event);
        }
    }

    /** A store that can be switched off, to provoke an outage. */
    static final class SwitchableStore implements OutboxStore {
        final OutboxStore inner;
        final AtomicBoolean down = new AtomicBoolean();

        SwitchableStore(OutboxStore inner) {
            this.inner = inner;
        }

        @Override
        public OutboxMessage append(String userId, String key, String json) {
            if (down.get()) {
                throw new OutboxUnavailableException("switched off by the test");
            }
            return inner.append(userId, key, json);
        }

        @Override
        public Batch read(String userId, Cursor after, int limit) {
            if (down.get()) {
                throw new OutboxUnavailableException("switched off by the test");
            }
            return inner.read(userId, after, limit);
        }

        @Override
        public String epoch() {
            return inner.epoch();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static final HandlerRegistry HANDLERS = TestRegistry.of(
            HandlerDescriptor.value("T#ok", "", 0, "ok", (request, message) -> "fine"),
            HandlerDescriptor.value("T#threw", "", 1, "threw", (request, message) -> {
                throw new IllegalStateException("provoked by the test");
            }),
            HandlerDescriptor.value("T#unwritable", "", 2, "unwritable", (request, message) -> new Thread()),
            HandlerDescriptor.imperative("T#badKey", "", 3, (request, message) -> {
                message.push("not a key!", 1);
                message.push("kept", 2);
                return null;
            }),
            HandlerDescriptor.async("T#never", "", 4, "never", (request, message) -> new CompletableFuture<>()));

    @Test
    @SuppressWarnings("try") // the server is closed inside its try block on purpose: a held poll must be answered early
    void everyEventIsHeard(@TempDir Path dir) throws Exception {
        Recording first = new Recording();
        Recording second = new Recording();
        PollObserver throwing = new PollObserver() {
            @Override
            public void pollAdmitted() {
                throw new IllegalStateException("an observer that throws");
            }
        };
        SwitchableStore store = new SwitchableStore(AppMessageOutbox.embedded(dir).store());
        try (CapturedLog log = new CapturedLog();
             AppMessageOutbox outbox = AppMessageOutbox.builder(store).build();
             AppMessageServer server = Servers.builder(HANDLERS)
                     .authenticator(token -> {
                         if (token.equals("bad")) {
                             throw new InvalidTokenException("provoked by the test");
                         }
                         return Optional.of(Identity.of(token));
                     })
                     .outbox(outbox)
                     .pollDeadline(Duration.ofMillis(300))
                     .observer(first)
                     .observer(throwing)
                     .observer(second)
                     .build().start()) {
            // a plain poll: every handler outcome
            var plain = Http.get(server, "/api/message/index", "X-Access-Token", "alice");
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.body()).contains("\"ok\":\"fine\"").contains("\"kept\":2").doesNotContain("not a key");
            until(() -> first.heard("pollAnswered alice POLL 200 0"));
            assertThat(first.events).contains("pollAdmitted", "handlerFinished T#ok OK",
                    "handlerFinished T#threw THREW", "handlerFinished T#unwritable UNWRITABLE",
                    "handlerFinished T#badKey UNWRITABLE", "handlerFinished T#never TIMED_OUT");
            assertThat(log.lines("handler T#badKey pushed the key 'not a key!' which breaks the key rule")).isEqualTo(1);
            assertThat(log.lines("poll observer")).isEqualTo(1); // the throwing one, once: the others still heard it

            // refusals
            assertThat(Http.send(Http.request(server, "/api/message/index")
                    .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(405);
            assertThat(Http.get(server, "/api/message/index?wait=soon", "X-Access-Token", "alice").statusCode()).isEqualTo(400);
            assertThat(Http.get(server, "/api/message/index", "X-Access-Token", "bad").statusCode()).isEqualTo(401);
            assertThat(first.events).contains("pollRefused METHOD_NOT_ALLOWED", "pollRefused BAD_REQUEST",
                    "pollRefused UNAUTHORIZED");

            // a long-poll woken by a message: held, woken, the message carried
            var held = Http.getAsync(server, "/api/message/index?wait=10", "X-Access-Token", "bob");
            until(() -> first.heard("holdStarted"));
            outbox.sendJson("bob", "order_shipped", "{\"order\":42}");
            assertThat(held.get(10, TimeUnit.SECONDS).body()).contains("order_shipped");
            until(() -> first.heard("pollAnswered bob LONG_POLL 200 1"));
            assertThat(first.events).contains("messageSent order_shipped", "holdEnded WOKEN",
                    "messageDelivered order_shipped");

            // a long-poll that waits out its time
            Http.get(server, "/api/message/index?wait=1", "X-Access-Token", "carol");
            assertThat(first.events).contains("holdEnded TIMED_OUT");

            // a long-poll whose client goes away
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/message/index?wait=20 HTTP/1.1\r\nHost: t\r\nX-Access-Token: dave\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                until(() -> server.heldPolls() == 1);
            }
            until(() -> first.heard("holdEnded CLIENT_GONE"));

            // the store goes away and comes back
            store.down.set(true);
            try {
                outbox.sendJson("bob", "lost", "1");
            } catch (OutboxUnavailableException expected) {
                // the send says so; the observer hears it too
            }
            store.down.set(false);
            Http.get(server, "/api/message/index", "X-Access-Token", "bob");
            assertThat(first.events).contains("storeUnavailable", "sendFailed lost UNAVAILABLE", "storeAvailable");

            // closing answers a held poll early
            var closing = Http.getAsync(server, "/api/message/index?wait=20", "X-Access-Token", "erin");
            // held for real (the observer heard it), not only registered: a close in between answers it unheld
            until(() -> first.events.stream().filter("holdStarted"::equals).count() == 4);
            server.close();
            assertThat(closing.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(first.events).contains("holdEnded CLOSING");
            // observers are composed in order: the second heard what the first heard
            assertThat(second.events).containsAll(List.copyOf(first.events).subList(0, 5));
        }
    }

    @Test
    void overloadedAndTooManyHeld_areRefusals() throws Exception {
        Recording observer = new Recording();
        try (AppMessageServer server = Delivery.builder().maxHeldPolls(1).observer(observer).build().start()) {
            var held = Http.getAsync(server, "/api/message/index?wait=2", "X-Access-Token", "alice");
            until(() -> server.heldPolls() == 1);
            Http.get(server, "/api/message/index?wait=2", "X-Access-Token", "bob");
            assertThat(observer.events).contains("pollRefused TOO_MANY_HELD");
            held.get(10, TimeUnit.SECONDS);
        }
        Recording overloaded = new Recording();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        try (AppMessageServer server = Servers.builder(TestRegistry.of(HandlerDescriptor.value("T#slow", "", 0, "slow",
                        (request, message) -> {
                            gate.get(10, TimeUnit.SECONDS);
                            return "done";
                        })))
                .maxInFlight(1).observer(overloaded).build().start()) {
            var first = Http.getAsync(server, "/api/message/index");
            until(() -> overloaded.heard("pollAdmitted"));
            assertThat(Http.get(server, "/api/message/index").statusCode()).isEqualTo(503);
            gate.complete(null);
            first.get(10, TimeUnit.SECONDS);
            assertThat(overloaded.events).contains("pollRefused OVERLOADED");
        }
    }
}

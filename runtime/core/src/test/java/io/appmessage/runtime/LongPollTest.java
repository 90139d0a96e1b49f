package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.appmessage.runtime.Delivery.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 7 on one node, over real HTTP: what holds a poll, what releases it, what it answers. */
class LongPollTest {

    private static final Logger LOG = LoggerFactory.getLogger(LongPollTest.class);

    @TempDir
    Path dataDir;

    @Test
    void heldPoll_answersWhenAMessageIsSentForItsUser() throws Exception {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).build().start()) {
            String cursor = (String) Delivery.poll(server, "alice", null, "").get("cursor");
            CompletableFuture<HttpResponse<String>> held = heldPoll(server, "alice", cursor, 20);

            long sent = System.nanoTime();
            outbox.sendJson("alice", "order_shipped", "{\"order\":42}");
            HttpResponse<String> answer = held.get(20, TimeUnit.SECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - sent);

            LOG.info("held poll answered {} ms after the send returned", latency.toMillis());
            Map<String, Object> envelope = Json.object(answer.body());
            assertThat(ids(envelope)).containsExactly(1L);
            assertThat(envelope.get("wait")).isEqualTo(20L);
            assertThat(envelope.get("data")).isEqualTo(Map.of("test_msg", "测试消息"));
            // not a speed benchmark (that is the benchmark's job): a margin for a busy 2-core box, far below the wait
            assertThat(latency).isLessThan(Duration.ofSeconds(1));
            assertThat(server.heldPolls()).isZero();
        }
    }

    @Test
    void heldPoll_answersOnNotifyUser_runningItsHandlersAtAnswerTime() throws Exception {
        AtomicReference<String> orderStatus = new AtomicReference<>("paid");
        try (AppMessageServer server = Delivery.builder(TestRegistry.of(HandlerDescriptor.value("Orders#status", "", 0,
                "order_status", (request, message) -> orderStatus.get()))).build().start()) {
            CompletableFuture<HttpResponse<String>> held = heldPoll(server, "alice", null, 20);
            CompletableFuture<HttpResponse<String>> otherUser = heldPoll(server, "bob", null, 20);
            awaitHeld(server, 2);

            orderStatus.set("shipped");
            long notified = System.nanoTime();
            server.notifyUser("alice");
            HttpResponse<String> answer = held.get(20, TimeUnit.SECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - notified);

            LOG.info("held poll answered {} ms after notifyUser", latency.toMillis());
            assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"order_status\":\"shipped\"},\"wait\":20}");
            assertThat(latency).isLessThan(Duration.ofSeconds(1));
            assertThat(otherUser).as("another user's poll stays held").isNotDone();
            assertThat(server.heldPolls()).isEqualTo(1);
            server.notifyUser("bob");
            assertThat(otherUser.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void heldPoll_answersAtTheEndOfItsWait_cappedByTheServer_withTheNormalEnvelope() throws Exception {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).longPollCap(Duration.ofSeconds(1))
                     .idleTimeout(Duration.ofSeconds(10)).build().start()) {
            long start = System.nanoTime();
            HttpResponse<String> answer = heldPoll(server, "alice", null, 30).get(20, TimeUnit.SECONDS);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            Map<String, Object> envelope = Json.object(answer.body());
            assertThat(envelope.get("wait")).as("30 asked, 1 granted").isEqualTo(1L);
            assertThat(envelope.get("data")).isEqualTo(Map.of("test_msg", "测试消息"));
            assertThat(Json.messages(envelope)).isEmpty();
            assertThat((String) envelope.get("cursor")).isNotBlank();
            assertThat(waited).as("held for the granted wait").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void longPollOff_answersAtOnceWithoutWait() {
        try (AppMessageServer server = Delivery.builder().longPoll(false).build().start()) {
            HttpResponse<String> answer = Http.get(server, Delivery.path(null, "wait=25"), "X-Access-Token", "alice");
            assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"}}");
            assertThat(server.heldPolls()).isZero();
        }
    }

    @Test
    void pollWithoutWait_orWithAWaitUnderASecond_answersAtOnceWithoutWait() {
        try (AppMessageServer server = Delivery.builder().build().start()) {
            for (String query : List.of("", "wait=", "wait=0", "wait=0.5")) {
                assertThat(Http.get(server, Delivery.path(null, query), "X-Access-Token", "alice").body())
                        .as(query).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"}}");
            }
        }
    }

    @Test
    void waitThatIsNoNonNegativeNumber_is400NamingTheParameter() {
        try (AppMessageServer server = Delivery.builder().build().start()) {
            for (String query : List.of("wait=abc", "wait=-5", "wait=NaN", "wait=Infinity")) {
                HttpResponse<String> answer = Http.get(server, Delivery.path(null, query), "X-Access-Token", "alice");
                assertThat(answer.statusCode()).as(query).isEqualTo(400);
                assertThat(answer.body()).as(query).isEqualTo("{\"code\":400,\"msg\":\"query parameter 'wait' must be"
                        + " a number of seconds, 0 or more\",\"data\":null}");
            }
            assertThat(server.heldPolls()).isZero();
        }
    }

    @Test
    void pendingMessage_answersAtOnce_withWaitSoTheClientPollsAgainAtOnce() throws Exception {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).build().start()) {
            outbox.sendJson("alice", "k", "1");
            HttpResponse<String> answer = heldPoll(server, "alice", null, 20).get(5, TimeUnit.SECONDS);
            Map<String, Object> envelope = Json.object(answer.body());
            assertThat(ids(envelope)).containsExactly(1L);
            assertThat(envelope.get("wait")).isEqualTo(20L);
        }
    }

    @Test
    void anonymousHeldPoll_ignoresUserWakeUps_andAnswersOnNotifyAllUsers() throws Exception {
        try (AppMessageServer server = Delivery.builder().build().start()) {
            CompletableFuture<HttpResponse<String>> anonymous = heldPoll(server, null, null, 20);
            CompletableFuture<HttpResponse<String>> alice = heldPoll(server, "alice", null, 20);
            awaitHeld(server, 2);

            server.notifyUser("alice");
            assertThat(alice.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(anonymous).isNotDone();

            server.notifyAllUsers();
            assertThat(Json.object(anonymous.get(20, TimeUnit.SECONDS).body()).get("wait")).isEqualTo(20L);
            assertThat(server.heldPolls()).isZero();
        }
    }

    @Test
    void atTheHeldPollCap_aPollAnswersAtOnceWithoutWait_notWith503() throws Exception {
        try (AppMessageServer server = Delivery.builder().maxHeldPolls(1).build().start()) {
            CompletableFuture<HttpResponse<String>> first = heldPoll(server, "alice", null, 20);
            awaitHeld(server, 1);

            HttpResponse<String> second = heldPoll(server, "bob", null, 20).get(5, TimeUnit.SECONDS);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(second.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"}}");
            assertThat(first).isNotDone();
            server.notifyAllUsers();
            assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void heldPolls_doNotCountTowardMaxInFlight() throws Exception {
        try (AppMessageServer server = Delivery.builder().maxInFlight(2).build().start()) {
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < 5; i++) { // one at a time: a poll counts in flight until it is held
                held.add(heldPoll(server, "user" + i, null, 20));
                awaitHeld(server, i + 1);
            }
            assertThat(Http.get(server, Delivery.POLL, "X-Access-Token", "alice").statusCode()).isEqualTo(200);
            server.notifyAllUsers();
            for (CompletableFuture<HttpResponse<String>> poll : held) {
                assertThat(poll.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void abandonedHeldPolls_areFreedAtOnce_andTheServerKeepsServing() throws Exception {
        try (AppMessageServer server = Delivery.builder().build().start()) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sockets.add(rawHeldPoll(server, "user" + i));
            }
            awaitHeld(server, 20);
            for (Socket socket : sockets) {
                socket.close();
            }
            for (int i = 0; i < 200 && server.heldPolls() > 0; i++) {
                Thread.sleep(25);
            }
            assertThat(server.heldPolls()).as("every abandoned hold freed well before its 20 s wait").isZero();

            server.notifyAllUsers();
            CompletableFuture<HttpResponse<String>> next = heldPoll(server, "user0", null, 20);
            awaitHeld(server, 1);
            server.notifyUser("user0");
            assertThat(next.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aKeptAliveConnection_carriesHeldPollsOneAfterAnother() throws Exception {
        try (AppMessageServer server = Delivery.builder().build().start();
             Socket socket = rawHeldPoll(server, "alice")) {
            for (int round = 0; round < 3; round++) {
                awaitHeld(server, 1);
                server.notifyUser("alice");
                String answer = readOneResponse(socket);
                assertThat(answer).startsWith("HTTP/1.1 200").endsWith("\"wait\":20}");
                if (round < 2) {
                    writeHeldPoll(socket, "alice");
                }
            }
        }
    }

    @Test
    void noRequestTimeoutShorterThanTheWait_doesNotCutAHeldPoll() throws Exception {
        try (AppMessageServer server = Delivery.builder().noRequestTimeout(Duration.ofMillis(500)).build().start()) {
            CompletableFuture<HttpResponse<String>> held = heldPoll(server, "alice", null, 20);
            awaitHeld(server, 1);
            Thread.sleep(1500);
            assertThat(server.heldPolls()).isEqualTo(1);
            server.notifyUser("alice");
            assertThat(held.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void idleTimeoutNotAboveTheCapPlusMargin_failsTheBuildNamingBoth() {
        assertThatThrownBy(() -> Delivery.builder().idleTimeout(Duration.ofSeconds(20)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle timeout (20000 ms) must exceed the long-poll cap (25 s)");
        Delivery.builder().longPoll(false).idleTimeout(Duration.ofSeconds(20)).build().close();
    }

    @Test
    void close_answersHeldPollsAtOnce() throws Exception {
        AppMessageServer server = Delivery.builder().shutdownGrace(Duration.ofSeconds(5)).build().start();
        CompletableFuture<HttpResponse<String>> held = heldPoll(server, "alice", null, 20);
        awaitHeld(server, 1);
        long start = System.nanoTime();
        server.close();
        HttpResponse<String> answer = held.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Connection")).hasValue("close");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void close_answersEveryHeldPollWithItsEnvelope_beforeStoppingUndertow() throws Exception {
        AppMessageServer server = Delivery.builder().shutdownGrace(Duration.ofSeconds(10)).build().start();
        // a client of its own: 300 connections closing at once stay out of the shared client's pool
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> held = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            HttpRequest.Builder request = Http.request(server, Delivery.path(null, "wait=20")).GET()
                    .headers(Delivery.headers("user" + i));
            held.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
        }
        awaitHeld(server, 300);
        server.close(); // releases every hold; shutdown must wait for those answers, not cut them
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("{\"code\":0,");
        }
    }

    static CompletableFuture<HttpResponse<String>> heldPoll(AppMessageServer server, String user, String cursor, int wait) {
        return Http.getAsync(server, Delivery.path(cursor, "wait=" + wait), Delivery.headers(user));
    }

    static void awaitHeld(AppMessageServer server, int count) throws InterruptedException {
        for (int i = 0; i < 400 && server.heldPolls() < count; i++) {
            Thread.sleep(10);
        }
        assertThat(server.heldPolls()).as("polls held").isEqualTo(count);
    }

    private static Socket rawHeldPoll(AppMessageServer server, String user) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        socket.setSoTimeout(20_000);
        writeHeldPoll(socket, user);
        return socket;
    }

    private static void writeHeldPoll(Socket socket, String user) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + Delivery.POLL + "?wait=20 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Access-Token: " + user
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response with a Content-Length body from a kept-alive connection. */
    private static String readOneResponse(Socket socket) throws IOException {
        var in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        int length = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElseThrow();
        byte[] body = in.readNBytes(length);
        return head.toString().lines().findFirst().orElseThrow() + " " + new String(body, StandardCharsets.UTF_8);
    }
}

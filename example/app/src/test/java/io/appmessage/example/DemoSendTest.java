package io.appmessage.example;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/demo/send} over real HTTP against the app in-process, with the embedded outbox in a
 * temporary directory (issue 6, item 5): what is sent reaches only its user's polls, bad requests get
 * the envelope, and messages survive a restart on the same data directory.
 */
class DemoSendTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messages\":\\[\\{\"id\":(\\d+),");

    @TempDir
    Path dataDir;
    private ExampleServer server;

    @BeforeEach
    void start() {
        server = ExampleServer.start(ExampleServerTest.loopbackAnyPort(dataDir));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aliceSendsToBob_bobsNextPollCarriesTheMessageAndNobodyElsesDoes() throws Exception {
        HttpResponse<String> sent = send(server, "demo-alice", "bob", "hi bob, 你好");

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"id\":1,\"from\":\"alice\",\"to\":\"bob\"}}");
        String bob = poll(server, "demo-bob");
        assertThat(bob)
                .contains("\"messages\":[{\"id\":1,\"key\":\"demo_message\",\"data\":{\"from\":\"alice\",\"text\":\"hi bob, 你好\",\"sent_at\":")
                .contains("\"cursor\":\"");
        assertThat(poll(server, "demo-alice")).contains("\"messages\":[]").doesNotContain("hi bob");
        assertThat(poll(server, "demo-carol")).contains("\"messages\":[]").doesNotContain("hi bob");
        assertThat(poll(server, null)).doesNotContain("hi bob");
    }

    @Test
    void bobPollsWithTheCursorHeGot_theMessageIsNotSentAgainButTheNextOneIs() throws Exception {
        send(server, "demo-carol", "bob", "first");
        String first = poll(server, "demo-bob");
        String cursor = cursorOf(first);

        send(server, "demo-alice", "bob", "second");
        String next = get(server, "/api/message/index?cursor=" + cursor, "demo-bob").body();

        assertThat(next).contains("\"text\":\"second\"").doesNotContain("\"text\":\"first\"");
        assertThat(messageId(next)).isEqualTo(2);
    }

    @Test
    void sameIdempotencyKeyTwice_answersTheFirstIdAndBobGetsOneMessage() throws Exception {
        HttpResponse<String> first = sendWithKey("order-42", "shipped");
        HttpResponse<String> retry = sendWithKey("order-42", "shipped");
        HttpResponse<String> malformed = sendWithKey("a b", "shipped");

        assertThat(first.body()).contains("\"id\":1,");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Idempotency-Key must be");
        assertThat(poll(server, "demo-bob")).containsOnlyOnce("shipped");
    }

    private HttpResponse<String> sendWithKey(String idempotencyKey, String text) throws IOException, InterruptedException {
        HttpRequest request = request(server, "/api/demo/send?to=bob", "demo-alice")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void sendWithoutOrWithAnUnknownToken_is401AndStoresNothing() throws Exception {
        HttpResponse<String> none = send(server, null, "bob", "hello");
        HttpResponse<String> unknown = send(server, "demo-mallory", "bob", "hello");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).isEqualTo("{\"code\":401,\"msg\":\"send needs the header X-Access-Token:"
                + " demo-alice, demo-bob or demo-carol\",\"data\":null}");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(poll(server, "demo-bob")).contains("\"messages\":[]");
    }

    @Test
    void unknownMissingOrRepeatedRecipient_is400() throws Exception {
        HttpResponse<String> unknown = send(server, "demo-alice", "mallory", "hello");
        HttpResponse<String> missing = post(server, "/api/demo/send", "demo-alice", "hello");
        HttpResponse<String> repeated = post(server, "/api/demo/send?to=bob&to=carol", "demo-alice", "hello");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"code\":400,\"msg\":\"to must be one of alice, bob, carol\",\"data\":null}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(repeated.statusCode()).isEqualTo(400);
    }

    @Test
    void emptyOrBlankText_is400AndStoresNothing() throws Exception {
        HttpResponse<String> empty = send(server, "demo-alice", "bob", "");
        HttpResponse<String> blank = send(server, "demo-alice", "bob", " \n\t ");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"code\":400,\"msg\":\"the text is empty");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(poll(server, "demo-bob")).contains("\"messages\":[]");
    }

    @Test
    void textOf501Characters_is413And500ChineseCharactersPass() throws Exception {
        HttpResponse<String> tooLong = send(server, "demo-alice", "bob", "a".repeat(501));
        HttpResponse<String> huge = send(server, "demo-alice", "bob", "a".repeat(100_000));
        HttpResponse<String> longest = send(server, "demo-alice", "bob", "消".repeat(500));

        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.body()).isEqualTo("{\"code\":413,\"msg\":\"the text is longer than 500 characters\",\"data\":null}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(longest.statusCode()).isEqualTo(200);
        assertThat(poll(server, "demo-bob")).contains("消".repeat(500)).doesNotContain("aaaa");
    }

    @Test
    void getInsteadOfPost_is405WithAllowAndTheEnvelope() throws Exception {
        HttpResponse<String> answer = get(server, "/api/demo/send?to=bob", "demo-alice");

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
        assertThat(answer.body()).isEqualTo("{\"code\":405,\"msg\":\"method not allowed: POST the text\",\"data\":null}");
    }

    @Test
    void appRestartedOnTheSameDataDirectory_bobStillGetsTheMessageSentBefore() throws Exception {
        send(server, "demo-alice", "bob", "sent before the restart");
        server.close();
        server = null;

        server = ExampleServer.start(ExampleServerTest.loopbackAnyPort(dataDir));
        String bob = poll(server, "demo-bob");

        assertThat(bob).contains("\"text\":\"sent before the restart\"");
        assertThat(messageId(bob)).isEqualTo(1);
    }

    @Test
    void heldLongPoll_isAnsweredWithTheMessageSentWhileItWaits() throws Exception {
        var held = HTTP.sendAsync(request(server, "/api/message/index?wait=20", "demo-bob").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        awaitHeld();

        send(server, "demo-alice", "bob", "wake up");
        String answer = held.get(15, java.util.concurrent.TimeUnit.SECONDS).body();

        assertThat(answer).contains("\"text\":\"wake up\"").contains("\"wait\":20");
    }

    /** The poll must be held before the send, or this test would not test waking; bounded, not timed. */
    private void awaitHeld() throws InterruptedException {
        for (int i = 0; i < 500 && server.heldPolls() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(server.heldPolls()).as("polls held by the server").isEqualTo(1);
    }

    private static String cursorOf(String body) {
        Matcher cursor = Pattern.compile("\"cursor\":\"([^\"]+)\"").matcher(body);
        assertThat(cursor.find()).as("a cursor in " + body).isTrue();
        return cursor.group(1);
    }

    private static long messageId(String body) {
        Matcher id = MESSAGE_ID.matcher(body);
        assertThat(id.find()).as("a message in " + body).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static HttpResponse<String> send(ExampleServer target, String token, String to, String text)
            throws IOException, InterruptedException {
        return post(target, "/api/demo/send?to=" + to, token, text);
    }

    private static HttpResponse<String> post(ExampleServer target, String pathAndQuery, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(target, pathAndQuery, token)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String poll(ExampleServer target, String token) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(target, "/api/message/index", token);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static HttpResponse<String> get(ExampleServer target, String pathAndQuery, String token)
            throws IOException, InterruptedException {
        return HTTP.send(request(target, pathAndQuery, token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(ExampleServer target, String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + pathAndQuery));
        if (token != null) {
            request.header("X-Access-Token", token);
        }
        return request;
    }
}

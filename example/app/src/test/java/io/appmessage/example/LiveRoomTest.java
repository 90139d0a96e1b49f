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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/live/<room>} over real HTTP against the app in-process: a line said in a room reaches every
 * poll subscribed to {@code live:<room>} (anonymous ones too, the rooms are public) and no other room's.
 */
class LiveRoomTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;
    private ExampleServer server;

    @BeforeEach
    void start() {
        server = ExampleServer.start(ExampleServerTest.loopbackAnyPort(dataDir));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aLineSaidInARoom_reachesEverySubscriberOfThatRoom_anonymousOnesToo() throws Exception {
        HttpResponse<String> said = say("demo-alice", "42", "hi all, 大家好");

        assertThat(said.statusCode()).isEqualTo(200);
        assertThat(said.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"id\":1,\"topic\":\"live:42\",\"from\":\"alice\"}}");
        String expected = "{\"id\":1,\"topic\":\"live:42\",\"key\":\"live_chat\",\"data\":{\"from\":\"alice\","
                + "\"text\":\"hi all, 大家好\",\"sent_at\":";
        assertThat(poll("demo-bob", "live:42")).contains(expected);
        assertThat(poll(null, "live:42")).contains(expected);
        assertThat(poll("demo-carol", "live:7")).doesNotContain("大家好");
        assertThat(poll("demo-carol", "vip:1")).contains("\"refused_topics\":[\"vip:1\"]");
    }

    @Test
    void badRequests_getTheEnvelope() throws Exception {
        assertThat(say(null, "42", "hi").statusCode()).isEqualTo(401);
        HttpResponse<String> badRoom = say("demo-alice", "a:b", "hi");
        assertThat(badRoom.statusCode()).isEqualTo(400);
        assertThat(badRoom.body()).isEqualTo("{\"code\":400,\"msg\":\"POST to /api/live/<room>, a room of 1 to 64"
                + " letters, digits, '_' or '-'\",\"data\":null}");
        assertThat(say("demo-alice", "42", "   ").statusCode()).isEqualTo(400);
        assertThat(say("demo-alice", "42", "x".repeat(501)).statusCode()).isEqualTo(413);
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(uri("/api/live/42")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> say(String token, String room, String text) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/live/" + room))
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("X-Access-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String poll(String token, String topics) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/message/index?topics=" + topics));
        if (token != null) {
            request.header("X-Access-Token", token);
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}

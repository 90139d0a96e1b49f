package io.appmessage.example.spring;

import io.appmessage.runtime.AppMessageServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo shop on a random port: a handler bean with its injected service, the plugin jar, a send waking a long-poll. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "appmessage.outbox.data-dir=target/outbox-${random.uuid}")
class ShopApplicationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;
    @Autowired
    AppMessageServer appMessage;

    @Test
    void poll_carriesTheBeanHandlersData_andThePluginsFromServiceLoader() throws Exception {
        HttpResponse<String> answer = get("/api/message/index", "demo-alice");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("{\"code\":0,\"msg\":\"\",\"data\":{")
                .contains("\"test_msg\":\"测试消息\"")
                .contains("\"order_status\":{\"user_id\":\"alice\",\"order_no\":\"A-1001\",\"status\":\"shipped\"}")
                .contains("\"plugin_wxapp_test\":\"测试插件消息\"");
    }

    @Test
    void send_wakesTheUsersHeldLongPoll() throws Exception {
        String cursor = cursorOf(get("/api/message/index", "demo-bob").body());
        CompletableFuture<HttpResponse<String>> held = CLIENT.sendAsync(
                request("/api/message/index?wait=20&cursor=" + cursor, "demo-bob").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (appMessage.heldPolls() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(appMessage.heldPolls()).as("held").isEqualTo(1);
        HttpResponse<String> sent = CLIENT.send(request("/api/demo/send?to=bob", "demo-alice")
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("your order shipped")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(held.get(5, TimeUnit.SECONDS).body()).contains("\"key\":\"demo_message\"", "\"from\":\"alice\"", "\"text\":\"your order shipped\"");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return CLIENT.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("X-Access-Token", token);
    }

    private static String cursorOf(String body) {
        Matcher m = Pattern.compile("\"cursor\":\"([^\"]*)\"").matcher(body);
        assertThat(m.find()).as("cursor in %s", body).isTrue();
        return m.group(1);
    }
}

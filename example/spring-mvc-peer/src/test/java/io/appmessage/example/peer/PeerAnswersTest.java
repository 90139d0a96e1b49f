package io.appmessage.example.peer;

import io.appmessage.runtime.AppMessageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain MVC peer answers what the standalone server answers over the same handlers, so the benchmark compares like with like. */
@SpringBootTest(classes = PeerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "appmessage.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerAnswersTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;
    private AppMessageServer standalone;

    @BeforeAll
    void startStandalone() {
        standalone = StandaloneShop.start(0);
    }

    @AfterAll
    void stopStandalone() {
        standalone.close();
    }

    @Test
    void anonymousAndAuthenticatedPolls_getTheStandaloneServersEnvelope() throws Exception {
        for (String token : new String[] {null, "demo-alice", "demo-bob", "demo-nobody"}) {
            String peer = poll(port, token);
            assertThat(peer).as("token " + token).isEqualTo(poll(standalone.port(), token));
        }
        assertThat(poll(port, "demo-alice")).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\","
                + "\"order_status\":\"shipped\",\"plugin_wxapp_test\":\"测试插件消息\",\"plugin_wxapp_test2\":{\"list\":[\"aaa\",\"bbb\",\"ccc\"]}}}");
    }

    private static String poll(int port, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/message/index"));
        if (token != null) {
            request.header("X-Access-Token", token);
        }
        HttpResponse<String> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}

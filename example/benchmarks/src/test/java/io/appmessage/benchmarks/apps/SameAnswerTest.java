package io.appmessage.benchmarks.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.AppMessageServer;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP benchmarks compare AppMessage with bare Undertow answering the same bytes; this checks,
 * over real HTTP on loopback, that the benchmarks' AppMessage app runs the ten shop handlers and
 * that the bare app answers exactly what it was given, from either thread.
 */
class SameAnswerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bareApp_answersThePollAppsBytes(boolean onWorker) throws Exception {
        byte[] pollAnswer;
        try (AppMessageServer app = PollApp.builder().port(0).environment(Map.of()).build().start()) {
            assertThat(app.handlerCount()).isEqualTo(10);
            pollAnswer = get(app.port(), "demo-alice").body();
        }
        assertThat(new String(pollAnswer, StandardCharsets.UTF_8))
                .startsWith("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"")
                .contains("\"order_status\":{\"user_id\":\"alice\",\"order_no\":\"A-1001\",\"status\":\"shipped\"}")
                .contains("\"hot_goods\":[");

        Undertow bare = BareUndertowApp.start(new ServerSettings("127.0.0.1", 0, "/api/message/index", 1, 2), pollAnswer, onWorker);
        try {
            int port = ((InetSocketAddress) bare.getListenerInfo().get(0).getAddress()).getPort();
            HttpResponse<byte[]> answer = get(port, null);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(answer.body()).isEqualTo(pollAnswer);
        } finally {
            bare.stop();
        }
    }

    private HttpResponse<byte[]> get(int port, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/message/index"));
        if (token != null) {
            request.header("X-Access-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

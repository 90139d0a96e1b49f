package io.appmessage.example;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example app in-process on a free loopback port, polled over real HTTP: the handlers of the
 * app and of the plugin jar (found through ServiceLoader), the demo tokens, the plugin switch, the
 * browser page and the client files copied into it.
 */
class ExampleServerTest {

    private static final String WXAPP_TEST2 = "\"plugin_wxapp_test2\":{\"list\":[\"aaa\",\"bbb\",\"ccc\"]}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ExampleServer server;

    @TempDir
    static Path sharedDataDir;

    @BeforeAll
    static void start() {
        server = ExampleServer.start(loopbackAnyPort(sharedDataDir));
    }

    /** Port 0 on loopback, the outbox in a directory of the test's own (never ./appmessage-data). */
    static Map<String, String> loopbackAnyPort(Path dataDir, String... moreNamesAndValues) {
        Map<String, String> environment = new HashMap<>(Map.of("PORT", "0", "APPMESSAGE_HOST", "127.0.0.1",
                "APPMESSAGE_DATA_DIR", dataDir.toString()));
        for (int i = 0; i < moreNamesAndValues.length; i += 2) {
            environment.put(moreNamesAndValues[i], moreNamesAndValues[i + 1]);
        }
        return environment;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anonymousPoll_carriesEveryAppKeyAndThePluginKeysButNoOrder() throws Exception {
        HttpResponse<String> answer = get(server, "/api/message/index", Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(answer.body())
                .startsWith("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"")
                .contains("\"buy_data\":{\"nickname\":", "\"goods_name\":", "\"time_ago\":")
                .contains("\"flash_sale\":{\"goods_name\":\"保温杯 (flash sale)\",\"remaining\":")
                .contains("\"plugin_wxapp_test\":\"测试插件消息\"", WXAPP_TEST2)
                .doesNotContain("order_status");
    }

    @Test
    void buyData_rotatesOverTheBuiltInPrompts() throws Exception {
        String first = get(server, "/api/message/index", Map.of()).body();
        String second = get(server, "/api/message/index", Map.of()).body();

        assertThat(buyData(first)).isNotEqualTo(buyData(second));
    }

    @Test
    void tokenHeader_pollIsAlicesAndCarriesHerOrder() throws Exception {
        String body = get(server, "/api/message/index", Map.of("X-Access-Token", "demo-alice")).body();

        assertThat(body).contains("\"order_status\":{\"user_id\":\"alice\",\"order_no\":\"A-1001\",\"status\":\"shipped\"}");
    }

    @Test
    void tokenQueryParameter_pollIsBobsAndCarriesHisOrder() throws Exception {
        String body = get(server, "/api/message/index?access_token=demo-bob", Map.of()).body();

        assertThat(body).contains("\"order_status\":{\"user_id\":\"bob\",\"order_no\":\"B-2002\",\"status\":\"paid\"}");
    }

    @Test
    void unknownToken_isRefusedWith401AndTheEnvelope() throws Exception {
        HttpResponse<String> answer = get(server, "/api/message/index", Map.of("X-Access-Token", "demo-mallory"));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"code\":401,\"msg\":\"invalid access token\",\"data\":null}");
    }

    @Test
    void pluginDisabledByEnvironment_pluginKeysAreGoneAndAppKeysStay(@TempDir Path dataDir) throws Exception {
        Map<String, String> environment = loopbackAnyPort(dataDir, "APPMESSAGE_DISABLED_PLUGINS", "wxapp");
        try (ExampleServer withoutPlugin = ExampleServer.start(environment)) {
            String body = get(withoutPlugin, "/api/message/index", Map.of()).body();

            assertThat(body).contains("\"test_msg\":\"测试消息\"").doesNotContain("plugin_wxapp");
            assertThat(withoutPlugin.plugins().known()).containsExactly("wxapp");
        }
    }

    @Test
    void pluginSwitchedAtRunTime_keysGoAndComeBack(@TempDir Path dataDir) throws Exception {
        try (ExampleServer switchable = ExampleServer.start(loopbackAnyPort(dataDir))) {
            switchable.plugins().disable("wxapp");
            String off = get(switchable, "/api/message/index", Map.of()).body();
            switchable.plugins().enable("wxapp");
            String on = get(switchable, "/api/message/index", Map.of()).body();

            assertThat(off).doesNotContain("plugin_wxapp");
            assertThat(on).contains(WXAPP_TEST2);
        }
    }

    @Test
    void root_servesThePageInUtf8LoadingTheClientFiles() throws Exception {
        HttpResponse<String> page = get(server, "/", Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("公共消息通道", "<script src=\"lib/appmessage.js\">");
    }

    @Test
    void clientLib_isTheClientPackagesBrowserBuildCopiedAtBuildTime() throws Exception {
        HttpResponse<String> script = get(server, "/lib/appmessage.js", Map.of());

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        // surefire runs in example/app: the build output of runtime/client (its generate-resources build)
        String source = Files.readString(Path.of("../../runtime/client/dist/browser/appmessage.js"), StandardCharsets.UTF_8);
        assertThat(script.body()).isEqualTo(source);
    }

    @Test
    void health_answersOk() throws Exception {
        HttpResponse<String> health = get(server, "/health", Map.of());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"code\":0,\"msg\":\"ok\",\"data\":null}");
    }

    @Test
    void unknownPath_is404() throws Exception {
        assertThat(get(server, "/nothing-here", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void pageUrl_namesTheBoundPort() {
        assertThat(server.port()).isPositive();
        assertThat(server.pageUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
    }

    private static String buyData(String body) {
        int start = body.indexOf("\"buy_data\":");
        return body.substring(start, body.indexOf('}', start) + 1);
    }

    private static HttpResponse<String> get(ExampleServer target, String pathAndQuery, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + pathAndQuery));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

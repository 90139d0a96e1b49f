package io.appmessage.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appmessage.spi.HandlerDescriptor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CORS for pages on other origins, and the headers that keep answers out of shared caches, over real HTTP. */
class CorsAndCacheHeadersTest {

    private static final String PAGE = "http://localhost:5173";
    private static final String POLL = "/api/message/index";

    private AppMessageServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private AppMessageServer start(CorsSettings cors) {
        server = Servers.builder(TestRegistry.of(HandlerDescriptor.value("t.H#a", "", 0, "test_msg", (r, m) -> "hi")))
                .cors(cors).build().start();
        return server;
    }

    private HttpResponse<String> preflight(String origin, String method, String headers) {
        HttpRequest.Builder b = Http.request(server, POLL).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            b.header("Access-Control-Request-Headers", headers);
        }
        return Http.send(b.build());
    }

    @Test
    void allowedPreflight_is204WithTheAllowHeadersAndVary() {
        start(CorsSettings.allowOrigins(PAGE).maxAge(Duration.ofSeconds(120)));
        HttpResponse<String> r = preflight(PAGE, "GET", "x-access-token, x-app-message-cursor");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST, HEAD");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .containsIgnoringCase("X-Access-Token").containsIgnoringCase("X-App-Message-Cursor");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).hasValue("120");
        assertThat(r.headers().firstValue("Vary").orElseThrow()).contains("Origin");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void refusedPreflights_getNoCorsHeaders_andLeakNothing() {
        start(CorsSettings.allowOrigins(PAGE));
        for (HttpResponse<String> r : List.<HttpResponse<String>>of(
                preflight("http://evil.example", "GET", "x-access-token"),   // origin not allowed
                preflight(PAGE, "DELETE", null),                             // method the server does not answer
                preflight(PAGE, "GET", "x-access-token, x-secret"))) {       // a header not allowed
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void getFromAllowedOrigin_carriesAllowOriginAndExposedHeaders_otherOriginDoesNot() {
        start(CorsSettings.allowOrigins("https://*.shop.com", PAGE));
        HttpResponse<String> allowed = Http.get(server, POLL, "Origin", "https://m.shop.com");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"test_msg\":\"hi\"");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://m.shop.com");
        assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Retry-After");
        assertThat(allowed.headers().allValues("Vary")).anyMatch(v -> v.contains("Origin"));

        for (String other : new String[] {"https://shop.com", "https://m.shop.com.evil.example", "http://m.shop.com",
                "null"}) {
            HttpResponse<String> refused = Http.get(server, POLL, "Origin", other);
            assertThat(refused.statusCode()).as(other).isEqualTo(200); // served; the browser withholds it
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as(other).isEmpty();
            assertThat(refused.headers().allValues("Vary")).as(other).anyMatch(v -> v.contains("Origin"));
        }
    }

    @Test
    void credentials_areAnnouncedOnlyWhenSet_andWildcardWithCredentialsFailsAtStart() {
        start(CorsSettings.allowOrigins(PAGE).withCredentials());
        HttpResponse<String> r = Http.get(server, POLL, "Origin", PAGE);
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);

        assertThatThrownBy(() -> CorsSettings.allowOrigins("*").withCredentials())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'*' cannot be combined with credentials")
                .hasMessageContaining("APPMESSAGE_CORS_ALLOWED_ORIGINS");
        assertThatThrownBy(() -> Servers.builder(TestRegistry.of()).environment(Map.of(
                        "APPMESSAGE_CORS_ALLOWED_ORIGINS", "*", "APPMESSAGE_CORS_ALLOW_CREDENTIALS", "true")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("APPMESSAGE_CORS")
                .hasMessageContaining("cannot be combined with credentials");
        assertThatThrownBy(() -> CorsSettings.allowOrigins("https://shop.com/app"))
                .hasMessageContaining("scheme://host[:port]").hasMessageContaining("https://shop.com/app");
    }

    @Test
    void wildcardOrigin_answersStar() {
        start(CorsSettings.allowOrigins("*"));
        assertThat(Http.get(server, POLL, "Origin", PAGE).headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
    }

    @Test
    void environment_turnsCorsOn() {
        server = Servers.builder(TestRegistry.of(HandlerDescriptor.value("t.H#a", "", 0, "test_msg", (r, m) -> "hi")))
                .environment(Map.of("APPMESSAGE_CORS_ALLOWED_ORIGINS", PAGE + ", https://admin.shop.com",
                        "APPMESSAGE_CORS_MAX_AGE_SECONDS", "30"))
                .build().start();
        HttpResponse<String> r = preflight("https://admin.shop.com", "POST", "content-type");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://admin.shop.com");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).hasValue("30");
    }

    @Test
    void corsOff_optionsIsStill405WithTheEnvelope_andNoCorsHeaders() {
        start(CorsSettings.off());
        HttpResponse<String> r = preflight(PAGE, "GET", "x-access-token");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.body()).startsWith("{\"code\":405");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(Http.get(server, POLL, "Origin", PAGE).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void everyAnswer_successOrError_isNoStoreAndNosniff() {
        server = Servers.builder(TestRegistry.of(HandlerDescriptor.value("t.H#a", "", 0, "test_msg", (r, m) -> "hi")))
                .maxInFlight(1).build().start();
        HttpResponse<?>[] answers = {
                Http.get(server, POLL),                                               // 200
                Http.get(server, POLL + "?cursor=" + "x".repeat(10) + "&wait=abc"),    // 400
                Http.send(Http.request(server, POLL).DELETE().build()),              // 405
                Http.get(server, "/nowhere"),                                         // 404
                Http.get(server, "/health"),                                          // 200 health
        };
        for (HttpResponse<?> r : answers) {
            assertThat(r.headers().firstValue("Cache-Control")).as("status " + r.statusCode()).hasValue("no-store");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as("status " + r.statusCode())
                    .hasValue("nosniff");
        }
        assertThat(answers[1].statusCode()).isEqualTo(400);
        assertThat(answers[2].statusCode()).isEqualTo(405);
        assertThat(answers[3].statusCode()).isEqualTo(404);
    }
}

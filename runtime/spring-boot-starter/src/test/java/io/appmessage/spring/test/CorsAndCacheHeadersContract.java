package io.appmessage.spring.test;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.CorsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS on the poll path from {@code appmessage.cors.*} (the subclasses allow {@value #PAGE} and
 * {@code https://*.shop.com}, max age 120 s), and the headers that keep every answer out of shared caches,
 * in a real app on a random port: the same answers as the standalone server given the same settings.
 * The last test closes the engine, so the context is not shared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
abstract class CorsAndCacheHeadersContract {

    static final String PAGE = "http://localhost:5173";
    static final String POLL = "/api/message/index";
    private static final List<String> CORS_AND_CACHE_HEADERS = List.of("Access-Control-Allow-Origin",
            "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Allow-Credentials",
            "Access-Control-Expose-Headers", "Access-Control-Max-Age", "Vary", "Cache-Control", "X-Content-Type-Options");

    @Value("${local.server.port}")
    int port;
    @Autowired
    AppMessageServer server;
    @Autowired
    CorsSettings cors;
    @Autowired
    InstanceProvider instances;
    @Autowired
    Authenticator authenticator;

    private AppMessageServer standalone;

    @BeforeAll
    void startStandalone() {
        standalone = AppMessageServer.builder().environment(Map.of()).host("127.0.0.1").port(0).instanceProvider(instances)
                .authenticator(authenticator).maxBodyBytes(1024).healthPath(null).cors(cors).build().start();
    }

    @AfterAll
    void stopStandalone() {
        standalone.close();
    }

    @Test
    @Order(1)
    void allowedPreflight_is204_withTheAllowHeadersAndVary() {
        HttpResponse<String> r = Http.send(preflight(port, PAGE, "GET", "x-access-token, x-app-message-cursor"));
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
    @Order(1)
    void refusedPreflights_are204_withoutCorsHeaders() {
        for (HttpRequest refused : List.of(
                preflight(port, "http://evil.example", "GET", "x-access-token"),   // origin not allowed
                preflight(port, "https://shop.com", "GET", null),                  // the pattern covers subdomains only
                preflight(port, PAGE, "DELETE", null),                             // a method the poll does not answer
                preflight(port, PAGE, "GET", "x-access-token, x-secret"))) {       // a header not allowed
            HttpResponse<String> r = Http.send(refused);
            assertThat(r.statusCode()).as(refused.headers().toString()).isEqualTo(204);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(refused.headers().toString()).isEmpty();
            assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    @Order(1)
    void pollFromAnAllowedPatternOrigin_carriesAllowOriginAndExposedHeaders_anotherOriginGetsNone() {
        HttpResponse<String> allowed = Http.get(port, POLL, "Origin", "https://m.shop.com", "X-Access-Token", "t-ivy");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"greeting\":\"hello ivy\"");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://m.shop.com");
        assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Retry-After");
        assertThat(allowed.headers().allValues("Vary")).contains("Origin");

        HttpResponse<String> other = Http.get(port, POLL, "Origin", "https://evil.example");
        assertThat(other.statusCode()).as("the answer as usual: the browser withholds it").isEqualTo(200);
        assertThat(other.body()).contains("\"greeting\":\"hello guest\"");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(other.headers().firstValue("Access-Control-Expose-Headers")).isEmpty();
        assertThat(other.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    @Order(1)
    void corsAnswers_areTheStandaloneServers() {
        List<HttpRequest> probes = List.of(
                preflight(0, PAGE, "GET", "x-access-token"),
                preflight(0, "https://a.shop.com", "POST", null),
                preflight(0, "http://evil.example", "GET", null),
                preflight(0, PAGE, "PUT", null),
                Http.request(0, POLL, "Origin", PAGE).GET().build(),
                Http.request(0, POLL, "Origin", "https://b.shop.com", "X-Access-Token", "bad").GET().build(),
                Http.request(0, POLL, "Origin", "null").GET().build(),
                Http.request(0, POLL, "Origin", "http://evil.example").GET().build(),
                Http.request(0, POLL).GET().build());
        for (HttpRequest probe : probes) {
            HttpResponse<String> spring = Http.send(Http.retarget(probe, port));
            HttpResponse<String> alone = Http.send(Http.retarget(probe, standalone.port()));
            String what = probe.method() + " " + probe.headers().map();
            assertThat(spring.statusCode()).as(what).isEqualTo(alone.statusCode());
            for (String header : CORS_AND_CACHE_HEADERS) {
                assertThat(spring.headers().allValues(header)).as(what + " " + header).isEqualTo(alone.headers().allValues(header));
            }
        }
    }

    @Test
    @Order(1)
    void everyAnswer_isKeptOutOfSharedCaches() {
        List<HttpRequest.Builder> answers = List.of(
                Http.request(port, POLL).GET(),                                                    // 200
                Http.request(port, POLL + "?wait=abc").GET(),                                      // 400
                Http.request(port, POLL, "X-Access-Token", "bad").GET(),                           // 401
                Http.request(port, POLL).PUT(HttpRequest.BodyPublishers.ofString("x")),            // 405
                Http.request(port, POLL).POST(HttpRequest.BodyPublishers.ofString("x".repeat(2048)))); // 413
        assertThat(answers.stream().map(b -> assertKeptOutOfCaches(Http.send(b.build())))).containsExactly(200, 400, 401, 405, 413);
    }

    @Test
    @Order(2)
    void theRefusalOfAClosingEngine_isKeptOutOfSharedCaches_too() {
        server.close();
        HttpResponse<String> refused = Http.get(port, POLL);
        assertThat(assertKeptOutOfCaches(refused)).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    private static int assertKeptOutOfCaches(HttpResponse<String> answer) {
        String what = answer.request().method() + " -> " + answer.statusCode();
        assertThat(answer.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(answer.body()).as(what).startsWith("{\"code\":");
        return answer.statusCode();
    }

    private static HttpRequest preflight(int port, String origin, String method, String headers) {
        HttpRequest.Builder b = Http.request(port, POLL).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            b.header("Access-Control-Request-Headers", headers);
        }
        return b.build();
    }
}

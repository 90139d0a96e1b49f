package io.appmessage.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the one poll engine, the same through every transport: the framework-neutral
 * {@link AppMessageDispatcher} and the built-in Undertow server (over a raw socket).
 */
class PollEngineEntryTest {

    private static final Map<String, String> NO_HEADERS = Map.of();

    private static PollResponse dispatch(AppMessageServer server, String method, String rawQuery) throws Exception {
        return server.dispatcher().poll(method, rawQuery, NO_HEADERS::get).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void malformedQueries_are400WithTheEnvelope_throughTheDispatcher() throws Exception {
        try (AppMessageServer server = Delivery.builder().maxParameters(5).build()) {
            Map<String, String> expected = Map.of(
                    "cursor=%zz", "malformed query string: '%' must be followed by two hex digits",
                    "a=%4", "malformed query string: '%' must be followed by two hex digits",
                    "a=%C3%28", "malformed query string: percent-encoded bytes are not UTF-8",
                    "wait=1&wait=2", "query parameter 'wait' given more than once",
                    "cursor=a&cursor=b", "query parameter 'cursor' given more than once",
                    "access_token=a&access_token=b", "query parameter 'access_token' given more than once",
                    "a=1&b=2&c=3&d=4&e=5&f=6", "too many query parameters (at most 5)",
                    "wait=-1", "query parameter 'wait' must be a number of seconds, 0 or more",
                    "wait=1e400", "query parameter 'wait' must be a number of seconds, 0 or more",
                    "wait=" + "9".repeat(5000), "query parameter 'wait' must be a number of seconds, 0 or more");
            for (var e : expected.entrySet()) {
                PollResponse answer = dispatch(server, "GET", e.getKey());
                assertThat(answer.status()).as(e.getKey()).isEqualTo(400);
                assertThat(answer.bodyText()).as(e.getKey())
                        .isEqualTo("{\"code\":400,\"msg\":\"" + e.getValue().replace("'", "'") + "\",\"data\":null}");
                assertThat(answer.headers()).containsEntry("Content-Type", PollResponse.CONTENT_TYPE);
            }
            assertThat(dispatch(server, "GET", "wait=0").status()).isEqualTo(200);
        }
    }

    @Test
    void methodOtherThanGetOrPost_is405WithAllow_throughTheDispatcher() throws Exception {
        try (AppMessageServer server = Delivery.builder().build()) {
            PollResponse answer = dispatch(server, "DELETE", null);
            assertThat(answer.status()).isEqualTo(405);
            assertThat(answer.headers()).containsEntry("Allow", "GET, POST");
            assertThat(answer.bodyText()).startsWith("{\"code\":405,");
        }
    }

    @Test
    void clientGone_freesAHeldPollAtOnce_throughTheDispatcher() throws Exception {
        try (AppMessageServer server = Delivery.builder().build()) {
            CompletableFuture<Void> gone = new CompletableFuture<>();
            CompletableFuture<PollResponse> answer = server.dispatcher()
                    .poll("GET", "wait=20", Map.of("X-Access-Token", "alice")::get, gone).toCompletableFuture();
            LongPollTest.awaitHeld(server, 1);
            gone.complete(null);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.heldPolls() > 0 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(server.heldPolls()).isZero();
            assertThat(answer).isNotDone(); // nobody is there to read it
        }
    }

    @Test
    void percentWithoutHexDigits_overARawSocket_isRefusedByUndertowsParserAndTheServerGoesOn() throws Exception {
        // Undertow's request-line parser refuses a '%' not followed by two hex digits before any
        // handler sees the request (whatever DECODE_URL says); the server swaps its fixed bare answer
        // for the envelope, naming the parameter; should Undertow let such a query through, the
        // engine's rule (an envelope, as through the dispatcher) applies
        try (AppMessageServer server = Delivery.builder().build().start()) {
            String answer = Http.raw(server, "GET /api/message/index?cursor=%zz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 400");
            if (answer.contains("Content-Length: 0")) {
                assertThat(answer).doesNotContain("Exception").contains("Connection: close");
            } else {
                assertThat(answer).startsWith("HTTP/1.1 400").contains(
                        "{\"code\":400,\"msg\":\"malformed query string: '%' must be followed by two hex digits");
            }
            String repeated = Http.raw(server, "GET /api/message/index?wait=1&wait=2 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertThat(repeated).startsWith("HTTP/1.1 400")
                    .endsWith("{\"code\":400,\"msg\":\"query parameter 'wait' given more than once\",\"data\":null}");
            assertThat(Http.get(server, "/api/message/index").statusCode()).isEqualTo(200);
        }
    }
}

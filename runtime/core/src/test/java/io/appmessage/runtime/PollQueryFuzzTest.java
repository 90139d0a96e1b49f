package io.appmessage.runtime;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any raw query (random percent-escapes, repeated and huge parameters, any cursor or {@code wait}), with
 * or without a token and a cursor header, through the whole poll engine with an outbox: the answer is a
 * 200 envelope, or a 400 envelope naming a documented rule, or the 401 of an unknown token — never a 500,
 * an exception or a body that is not the envelope. A normal build replays the kept inputs under
 * src/test/resources; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
class PollQueryFuzzTest {

    /** The 400 messages the query, the single-valued parameters, {@code wait} and {@code topics} may answer with. */
    private static final List<String> BAD_REQUEST_RULES = List.of(
            "malformed query string: '%' must be followed by two hex digits",
            "malformed query string: percent-encoded bytes are not UTF-8",
            "too many query parameters (at most ",
            "query parameter 'access_token' given more than once",
            "query parameter 'cursor' given more than once",
            "query parameter 'wait' given more than once",
            "query parameter 'wait' must be a number of seconds, 0 or more",
            "query parameter 'topics' given more than once",
            "'topics' is a comma-separated list; ",
            "a poll lists at most ");

    @TempDir
    static Path dataDir;
    private static AppMessageOutbox outbox;
    private static AppMessageServer server;

    @BeforeAll
    static void startServer() {
        outbox = AppMessageOutbox.embedded(dataDir);
        outbox.sendJson("alice", "order_shipped", "{\"order\":42}");
        // long-poll off: a valid wait is still parsed (and a bad one refused) but never holds the poll
        server = Servers.builder(Delivery.seedRegistry())
                .authenticator(token -> {
                    if (token.equals("alice-token")) {
                        return Optional.of(Identity.of("alice"));
                    }
                    throw new InvalidTokenException("unknown token");
                })
                .outbox(outbox)
                .longPoll(false)
                .build();
    }

    @AfterAll
    static void stopServer() {
        server.close();
        outbox.close();
    }

    // no @DictionaryEntries: Jazzer logs a line per kept input for it even when not fuzzing; the kept inputs
    // (grown with one: %zz, %C3%28, %ED%A0%80, cursor=, wait=, access_token=alice-token, 1e400, NaN…) seed it
    @FuzzTest(maxDuration = "10s")
    void anyQuery_isAnsweredWithTheEnvelope_neverAFault(FuzzedDataProvider data) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (data.consumeBoolean()) {
            headers.put("x-access-token", "alice-token");
        }
        if (data.consumeBoolean()) {
            headers.put("x-app-message-cursor", data.consumeString(64));
        }
        StringBuilder query = new StringBuilder();
        int pieces = data.consumeInt(0, 3);
        for (int i = 0; i < pieces; i++) {
            // a piece repeated up to thousands of times: repeated parameters, huge names and values
            query.append(data.consumeString(32).repeat(data.consumeInt(1, 4000)));
        }
        query.append(data.consumeRemainingAsString());
        String rawQuery = query.toString();

        PollResponse answer = server.dispatcher()
                .poll("GET", rawQuery, name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(answer.status()).as(rawQuery).isIn(200, 400, 401);
        assertThat(answer.headers()).containsEntry("Content-Type", PollResponse.CONTENT_TYPE);
        Map<String, Object> envelope = Json.object(answer.bodyText());
        assertThat(envelope).containsKeys("code", "msg", "data");
        if (answer.status() == 200) {
            assertThat(envelope.get("code")).isEqualTo(0L);
        } else {
            assertThat(envelope.get("code")).isEqualTo((long) answer.status());
            assertThat(envelope.get("data")).isNull();
        }
        if (answer.status() == 400) {
            String msg = (String) envelope.get("msg");
            assertThat(BAD_REQUEST_RULES).as("a documented rule: " + msg).anyMatch(msg::startsWith);
        }
    }
}

package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3, item 2: identity from X-Access-Token or access_token through the app's Authenticator, on every poll. */
class IdentityTest {

    private static final AtomicInteger CALLS = new AtomicInteger();

    private static final Authenticator AUTH = token -> {
        CALLS.incrementAndGet();
        return switch (token) {
            case "t-alice" -> Optional.of(Identity.of("alice", Map.of("tenant", "shop-7")));
            case "expired" -> throw new InvalidTokenException("expired at noon");
            case "explode" -> throw new IllegalStateException("session store down");
            default -> Optional.empty();
        };
    };

    private static AppMessageServer server() {
        return Servers.builder(TestRegistry.of(HandlerDescriptor.imperative("T#who", "", 0, (request, message) -> {
                    message.push("user", request.userId().orElse("anonymous"));
                    message.push("tenant", request.attribute("tenant"));
                    return null;
                })))
                .authenticator(AUTH)
                .build().start();
    }

    @Test
    void tokenInHeader_identifiesTheUserAndAttributes() {
        try (AppMessageServer server = server()) {
            assertThat(Http.get(server, "/api/message/index", "X-Access-Token", "t-alice").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"user\":\"alice\",\"tenant\":\"shop-7\"}}");
        }
    }

    @Test
    void tokenInQuery_identifiesTheUser() {
        try (AppMessageServer server = server()) {
            assertThat(Http.get(server, "/api/message/index?access_token=t-alice").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"user\":\"alice\",\"tenant\":\"shop-7\"}}");
        }
    }

    @Test
    void noToken_isAnonymousWithoutCallingTheAuthenticator() {
        try (AppMessageServer server = server()) {
            int before = CALLS.get();
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"user\":\"anonymous\",\"tenant\":null}}");
            assertThat(CALLS.get()).isEqualTo(before);
        }
    }

    @Test
    void unknownToken_isAnonymous() {
        try (AppMessageServer server = server()) {
            assertThat(Http.get(server, "/api/message/index", "X-Access-Token", "nobody").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"user\":\"anonymous\",\"tenant\":null}}");
        }
    }

    @Test
    void rejectedToken_is401WithTheEnvelope() {
        try (AppMessageServer server = server()) {
            var response = Http.get(server, "/api/message/index", "X-Access-Token", "expired");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"code\":401,\"msg\":\"invalid access token\",\"data\":null}");
        }
    }

    @Test
    void failingAuthenticator_is500WithoutStackTrace() {
        try (AppMessageServer server = server()) {
            var response = Http.get(server, "/api/message/index", "X-Access-Token", "explode");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"code\":500,\"msg\":\"internal server error\",\"data\":null}");
        }
    }

    @Test
    void everyPoll_isAuthenticatedAgain() {
        try (AppMessageServer server = server()) {
            int before = CALLS.get();
            Http.get(server, "/api/message/index", "X-Access-Token", "t-alice");
            Http.get(server, "/api/message/index", "X-Access-Token", "t-alice");
            assertThat(CALLS.get() - before).isEqualTo(2);
        }
    }
}

package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IsolationAndPluginsTest {

    @Test
    void fiftyUsersTimesTwentyConcurrentPolls_eachSeesOnlyItsOwnData() throws Exception {
        Authenticator auth = token -> Optional.of(Identity.of(token.substring("t-".length())));
        try (AppMessageServer server = Servers.builder(TestRegistry.of(
                        HandlerDescriptor.imperative("T#mine", "", 0, (request, message) -> {
                            message.push("mine", "data of " + request.userId().orElseThrow());
                            return null;
                        }),
                        HandlerDescriptor.async("T#later", "", 1, "later", (request, message) ->
                                CompletableFuture.supplyAsync(() -> request.userId().orElseThrow(),
                                        CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS)))))
                .authenticator(auth)
                // isolation is under test, not the deadline: the "5 ms" stages of 1,000 concurrent
                // polls all go through CompletableFuture's one delay thread and a common pool of
                // one thread on 2 cores; on a loaded CI box some ran 2.2 s after their handler
                // started, past the default 2 s deadline, and the poll rightly answered without
                // "later". A deadline the test never reaches keeps every answer complete.
                .pollDeadline(Duration.ofSeconds(30))
                .build().start()) {
            List<String> users = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int u = 0; u < 50; u++) {
                    users.add("user" + u);
                    answers.add(Http.getAsync(server, "/api/message/index", "X-Access-Token", "t-user" + u));
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get(60, TimeUnit.SECONDS);
                String user = users.get(i);
                assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"mine\":\"data of " + user
                        + "\",\"later\":\"" + user + "\"}}");
            }
        }
    }

    @Test
    void pluginSwitchedOffAtStartOrRunTime_stopsContributingFromTheNextPoll() {
        try (AppMessageServer server = Servers.builder(TestRegistry.of(
                        HandlerDescriptor.value("App#core", "", 0, "core", (request, message) -> 1),
                        HandlerDescriptor.value("Wx#wx", "wxapp", 1, "wx", (request, message) -> 2),
                        HandlerDescriptor.value("Shop#shop", "shop", 2, "shop", (request, message) -> 3)))
                .disabledPlugins("shop")
                .build().start()) {
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"core\":1,\"wx\":2}}");

            server.plugins().disable("wxapp");
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"core\":1}}");

            server.plugins().enable("shop");
            server.plugins().enable("wxapp");
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"core\":1,\"wx\":2,\"shop\":3}}");
            assertThat(server.plugins().known()).containsExactlyInAnyOrder("wxapp", "shop");
        }
    }
}

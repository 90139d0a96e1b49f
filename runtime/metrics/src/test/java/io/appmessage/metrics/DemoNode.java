package io.appmessage.metrics;

import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.InvalidTokenException;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.presence.Presence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.MDC;

/**
 * A real node as an app would run it: the server with the test handlers (found through their generated
 * register), an embedded outbox, local presence, the meters, and the management listener on loopback.
 * Tokens {@code user-…} are that user; the token {@code bad} is refused, {@code explode} makes the
 * authenticator throw (a 500).
 */
final class DemoNode implements AutoCloseable {

    static final String ADMIN_TOKEN = "demo-admin-token-0123456789";
    /** Each token the authenticator was asked about, with the poll id and handler id in the MDC then. */
    static final Queue<String[]> AUTHENTICATED_IN = new ConcurrentLinkedQueue<>();

    final Presence presence = Presence.local(Presence.DEFAULT_WINDOW);
    final AppMessageMetrics metrics = AppMessageMetrics.create(presence);
    final AppMessageOutbox outbox;
    final AppMessageServer server;
    final AppMessageManagement management;

    DemoNode(Path dataDir) {
        outbox = AppMessageOutbox.embedded(dataDir);
        server = AppMessageServer.builder()
                .host("127.0.0.1")
                .port(0)
                .longPoll(true)
                .pollDeadline(Duration.ofSeconds(2))
                .outbox(outbox)
                .authenticator(DemoNode::authenticate)
                .presence(presence)
                .observer(metrics.observer())
                .build()
                .start();
        management = AppMessageManagement.builder(metrics)
                .port(0)
                .adminToken(ADMIN_TOKEN)
                .environment(Map.of())
                .server(server)
                .outbox(outbox)
                .start();
    }

    String pollUrl() {
        return "http://127.0.0.1:" + server.port() + server.settings().path();
    }

    String managementUrl() {
        return "http://127.0.0.1:" + management.port();
    }

    PrometheusText scrape() {
        return PrometheusText.parse(Http.get(managementUrl() + "/metrics").body());
    }

    private static Optional<Identity> authenticate(String token) throws InvalidTokenException {
        if (token.equals("bad") || token.equals("explode") || token.startsWith("user-probe")) {
            AUTHENTICATED_IN.add(new String[] {token, MDC.get("appmessage.poll"), MDC.get("appmessage.handler")});
        }
        if (token.equals("explode")) {
            throw new IllegalStateException("token service down (thrown on purpose by the test app)");
        }
        if (token.equals("bad")) {
            throw new InvalidTokenException("refused by the test app");
        }
        return token.startsWith("user-") ? Optional.of(Identity.of(token)) : Optional.empty();
    }

    @Override
    public void close() {
        management.close();
        server.close();
        presence.close();
        outbox.close();
    }
}

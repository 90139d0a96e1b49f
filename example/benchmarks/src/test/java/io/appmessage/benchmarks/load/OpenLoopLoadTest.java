package io.appmessage.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.benchmarks.apps.BareUndertowApp;
import io.appmessage.benchmarks.apps.ServerSettings;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against a real Undertow on loopback: counts and latencies must add up. */
class OpenLoopLoadTest {

    private Undertow server;
    private int port;

    @BeforeEach
    void startBareServer() {
        server = BareUndertowApp.start(new ServerSettings("127.0.0.1", 0, "/api/message/index", 1, 2),
                "{\"code\":0,\"msg\":\"\",\"data\":null}".getBytes(StandardCharsets.UTF_8), false);
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void modestRate_everyRequestAnsweredWithoutErrors() throws Exception {
        OpenLoopResult result = OpenLoopLoad.run(new OpenLoopOptions(
                URI.create("http://127.0.0.1:" + port + "/api/message/index"), 500, 4, 2, 1.0, 0.2, "demo-alice", 5));

        assertThat(result.errors()).isZero();
        assertThat(result.ok()).isEqualTo(result.latencies().length).isBetween(450L, 550L);
        assertThat(result.sent()).isGreaterThanOrEqualTo(result.ok());
        assertThat(result.resultLine()).startsWith("RESULT target_rate=500 ");
    }

    @Test
    void wrongPath_countedAsNon2xx() throws Exception {
        OpenLoopResult result = OpenLoopLoad.run(new OpenLoopOptions(
                URI.create("http://127.0.0.1:" + port + "/elsewhere"), 200, 2, 1, 0.5, 0, null, 5));

        assertThat(result.ok()).isZero();
        assertThat(result.non2xx()).isBetween(90L, 110L);
    }
}

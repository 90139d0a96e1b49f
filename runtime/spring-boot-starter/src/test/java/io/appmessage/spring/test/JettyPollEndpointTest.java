package io.appmessage.spring.test;

import io.appmessage.runtime.spi.PollObserver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll endpoint on Spring MVC, Jetty, Servlet async: the same contract as on Tomcat. Jetty reads no
 * connection whose async request is idle and tells no listener that its client left, so the starter watches the
 * socket of a held poll: a closed socket frees the hold at once (the contract's test), bytes of a pipelined
 * request are left to Jetty (this one).
 */
@SpringBootTest(classes = {TestApp.class, JettyServer.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "appmessage.outbox.store=embedded",
                "appmessage.outbox.data-dir=target/outbox-jetty-${random.uuid}",
                "appmessage.max-body-bytes=1024"})
class JettyPollEndpointTest extends PollEndpointContract {

    @Autowired
    ApplicationContext context;

    @Override
    boolean containerReportsClientGone() {
        return true;
    }

    @Test
    void theServerIsJetty() throws Exception {
        assertThat(JettyServer.webServerOf(context)).matches(".*\\.Jetty\\w*WebServer");
    }

    @Test
    void aRequestPipelinedBehindAHeldPoll_isAnsweredAfterIt_notTakenForAClientGone() throws Exception {
        String cursor = Http.cursorOf(Http.get(port, POLL, "X-Access-Token", "t-hank").body());
        int before = server.heldPolls();
        int goneBefore = holdEnds.count(PollObserver.HoldEnd.CLIENT_GONE);
        try (Socket socket = Http.openGet(port, POLL + "?wait=20&cursor=" + cursor, "X-Access-Token", "t-hank")) {
            assertThat(Http.eventually(Duration.ofSeconds(5), () -> server.heldPolls() == before + 1)).as("held").isTrue();
            socket.getOutputStream().write(("GET " + POLL + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(300); // the watcher sees the pipelined bytes and leaves them to Jetty
            assertThat(server.heldPolls()).as("still held: bytes are not a closed socket").isEqualTo(before + 1);
            server.notifyUser("hank");
            socket.setSoTimeout(10_000);
            String both = Http.readAll(socket.getInputStream());
            assertThat(both.split("HTTP/1.1 200", -1)).as(both).hasSize(3);
            assertThat(both).contains("\"greeting\":\"hello hank\"").contains("\"greeting\":\"hello guest\"");
        }
        assertThat(holdEnds.count(PollObserver.HoldEnd.CLIENT_GONE)).isEqualTo(goneBefore);
    }
}

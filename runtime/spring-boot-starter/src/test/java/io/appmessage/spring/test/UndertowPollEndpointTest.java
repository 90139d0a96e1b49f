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
 * The poll endpoint on Spring MVC, Undertow (Boot 3.5's, 2.3), Servlet async: the same contract as on Tomcat,
 * a client that goes away included.
 */
@SpringBootTest(classes = {TestApp.class, UndertowServer.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "appmessage.outbox.store=embedded",
                "appmessage.outbox.data-dir=target/outbox-undertow-${random.uuid}",
                "appmessage.max-body-bytes=1024"})
class UndertowPollEndpointTest extends PollEndpointContract {

    @Autowired
    ApplicationContext context;

    @Override
    boolean containerReportsClientGone() {
        return true;
    }

    @Test
    void theServerIsBootsUndertow() throws Exception {
        assertThat(JettyServer.webServerOf(context)).contains("UndertowServletWebServer");
        assertThat(io.undertow.Version.getVersionString()).as("the Undertow Boot 3.5 manages").startsWith("2.3.");
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
            Thread.sleep(300); // the watch sees the pipelined bytes and gives them back to Undertow
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

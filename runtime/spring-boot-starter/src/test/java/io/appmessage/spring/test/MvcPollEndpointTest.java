package io.appmessage.spring.test;

import io.appmessage.runtime.spi.PollObserver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll endpoint on Spring MVC, Tomcat, Servlet async. Tomcat does not watch the socket of a request
 * that is async and idle, so it reports a client that closed its connection only when the answer is
 * written: on Tomcat the hold of a vanished client ends with its wait, and nothing else is held for it.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "appmessage.outbox.store=embedded",
        "appmessage.outbox.data-dir=target/outbox-mvc-${random.uuid}",
        "appmessage.max-body-bytes=1024"})
class MvcPollEndpointTest extends PollEndpointContract {

    @Override
    boolean containerReportsClientGone() {
        return false;
    }

    @Test
    void clientThatGoesAway_onTomcat_isFreedWhenItsWaitEnds() throws Exception {
        String cursor = Http.cursorOf(Http.get(port, POLL, "X-Access-Token", "t-hank").body());
        int before = server.heldPolls();
        int timedOutBefore = holdEnds.count(PollObserver.HoldEnd.TIMED_OUT);
        try (Socket socket = Http.openGet(port, POLL + "?wait=2&cursor=" + cursor, "X-Access-Token", "t-hank")) {
            assertThat(socket.isConnected()).isTrue();
            assertThat(Http.eventually(Duration.ofSeconds(5), () -> server.heldPolls() == before + 1)).as("held").isTrue();
        }
        assertThat(Http.eventually(Duration.ofSeconds(6), () -> server.heldPolls() == before)).as("freed by its wait").isTrue();
        assertThat(Http.eventually(Duration.ofSeconds(2),
                () -> holdEnds.count(PollObserver.HoldEnd.TIMED_OUT) == timedOutBefore + 1)).isTrue();
        assertThat(Http.get(port, POLL).statusCode()).as("the server goes on").isEqualTo(200);
    }
}

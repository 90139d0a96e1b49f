package io.appmessage.spring.test;

import io.appmessage.runtime.spi.PollObserver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll endpoint on Spring MVC, Jetty, Servlet async: the same contract as on Tomcat, except a client
 * that goes away. Jetty reads no connection whose async request is idle and tells no listener that its
 * client left, so on Jetty the hold of a vanished client ends with its wait.
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
        return false;
    }

    @Test
    void theServerIsJetty() {
        assertThat(context.getBean("testJettyServerFactory").getClass().getName()).contains("Jetty");
        assertThat(context.containsBeanDefinition("tomcatServletWebServerFactory")).isFalse();
    }

    @Test
    void clientThatGoesAway_onJetty_isFreedWhenItsWaitEnds() throws Exception {
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

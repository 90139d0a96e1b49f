package io.appmessage.spring.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

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
    void theServerIsBootsUndertow() {
        assertThat(context.getBean("testUndertowServerFactory").getClass().getName()).contains("Undertow");
        assertThat(context.containsBeanDefinition("tomcatServletWebServerFactory")).isFalse();
        assertThat(io.undertow.Version.getVersionString()).as("the Undertow Boot 3.5 manages").startsWith("2.3.");
    }
}

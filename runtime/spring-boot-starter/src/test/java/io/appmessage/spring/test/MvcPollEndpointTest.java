package io.appmessage.spring.test;

import org.springframework.boot.test.context.SpringBootTest;

/** The poll endpoint on Spring MVC, Tomcat, Servlet async. */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "appmessage.outbox.store=embedded",
        "appmessage.outbox.data-dir=target/outbox-mvc-${random.uuid}",
        "appmessage.max-body-bytes=1024"})
class MvcPollEndpointTest extends PollEndpointContract {
}

package io.appmessage.spring.test;

import org.springframework.boot.test.context.SpringBootTest;

/** The poll endpoint on Spring WebFlux, Reactor Netty. */
@SpringBootTest(classes = {TestApp.class, NettyServer.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=reactive",
        "appmessage.outbox.store=embedded",
        "appmessage.outbox.data-dir=target/outbox-webflux-${random.uuid}",
        "appmessage.max-body-bytes=1024"})
class WebFluxPollEndpointTest extends PollEndpointContract {

    @Override
    boolean containerReportsClientGone() {
        return true;
    }
}

package io.appmessage.spring.test;

import org.springframework.boot.test.context.SpringBootTest;

/** CORS and cache headers of the poll endpoint on Spring WebFlux, Reactor Netty. */
@SpringBootTest(classes = {TestApp.class, NettyServer.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=reactive",
                "appmessage.cors.allowed-origins=" + CorsAndCacheHeadersContract.PAGE + ",https://*.shop.com",
                "appmessage.cors.max-age=120", "appmessage.max-body-bytes=1024"})
class WebFluxCorsAndCacheHeadersTest extends CorsAndCacheHeadersContract {
}

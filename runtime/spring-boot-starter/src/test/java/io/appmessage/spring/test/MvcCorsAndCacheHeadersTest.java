package io.appmessage.spring.test;

import org.springframework.boot.test.context.SpringBootTest;

/** CORS and cache headers of the poll endpoint on Spring MVC, Tomcat. */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"appmessage.cors.allowed-origins=" + CorsAndCacheHeadersContract.PAGE + ",https://*.shop.com",
                "appmessage.cors.max-age=120", "appmessage.max-body-bytes=1024"})
class MvcCorsAndCacheHeadersTest extends CorsAndCacheHeadersContract {
}

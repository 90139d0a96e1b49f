package io.appmessage.example.starter;

import io.appmessage.example.peer.shop.DemoAuthenticator;
import io.appmessage.example.peer.shop.OrderBook;
import io.appmessage.example.peer.shop.OrderHandlers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * The demo shop's handlers on the starter (Spring MVC, Tomcat), without the shop's send endpoint and
 * outbox: the starter's side of the benchmark, so that all three sides answer the same bytes.
 * {@code --server.port=N}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({OrderBook.class, OrderHandlers.class, DemoAuthenticator.class})
public class StarterShop {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(StarterShop.class);
        app.setDefaultProperties(Map.of("appmessage.outbox.store", "none", "spring.main.banner-mode", "off"));
        app.run(args);
    }
}

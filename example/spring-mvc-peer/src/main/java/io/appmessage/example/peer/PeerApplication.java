package io.appmessage.example.peer;

import io.appmessage.example.peer.shop.OrderBook;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * The plain Spring MVC peer on Tomcat: {@link PeerPollController} and {@link PeerHandlers}, the starter
 * switched off (it is on the class path for the starter's side). {@code --server.port=N}.
 */
@SpringBootApplication
@Import(OrderBook.class)
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(PeerApplication.class);
        app.setDefaultProperties(Map.of("appmessage.enabled", "false", "spring.main.banner-mode", "off"));
        app.run(args);
    }
}

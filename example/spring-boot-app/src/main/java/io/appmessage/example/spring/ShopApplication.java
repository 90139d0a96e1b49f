package io.appmessage.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The demo shop as a Spring Boot app: the starter serves the poll at {@code /api/message/index} from the
 * app's own Tomcat; handlers are beans ({@link OrderHandlers}) or plain classes ({@link ShopHandlers});
 * {@link SendController} sends targeted messages.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}

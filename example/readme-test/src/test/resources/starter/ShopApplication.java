package com.shop;

import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** What the README leaves to the app: its main class, tokens and a send endpoint. */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    /** {@code t-<user>} is that user. */
    @Bean
    Authenticator authenticator() {
        return token -> token.startsWith("t-") ? Optional.of(Identity.of(token.substring(2))) : Optional.empty();
    }

    @RestController
    public static class ShipController {
        private final Shipping shipping;

        public ShipController(Shipping shipping) {
            this.shipping = shipping;
        }

        @PostMapping("/ship")
        public String ship(@RequestParam("user") String user, @RequestParam("order") long order) {
            shipping.shipped(user, order);
            return "ok";
        }
    }
}

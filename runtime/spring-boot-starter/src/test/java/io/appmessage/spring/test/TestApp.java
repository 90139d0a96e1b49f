package io.appmessage.spring.test;

import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.InvalidTokenException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/** The app the tests start: a handler bean with an injected service and an authenticator bean. */
@SpringBootApplication
public class TestApp {

    /** The app's beans without the rest of Spring Boot, for context-runner tests. */
    @Configuration(proxyBeanMethods = false)
    public static class AppBeans {

        @Bean
        Greetings greetings() {
            return new Greetings("hello");
        }

        @Bean
        GreetingHandlers greetingHandlers(Greetings greetings) {
            return new GreetingHandlers(greetings);
        }

        @Bean
        HoldEnds holdEnds() {
            return new HoldEnds();
        }

        /** {@code t-<user>} is that user; {@code bad} is refused; anything else is anonymous. */
        @Bean
        Authenticator authenticator() {
            return token -> {
                if (token.equals("bad")) {
                    throw new InvalidTokenException("refused");
                }
                return token.startsWith("t-") ? Optional.of(Identity.of(token.substring(2))) : Optional.empty();
            };
        }
    }
}

package io.appmessage.example.spring;

import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;

import java.util.Optional;

/**
 * Lenient demo tokens: {@code demo-<user>} polls as that user, any other token is anonymous. Not a bean
 * here (the shop uses {@link ShopAuthenticator}); example/spring-mvc-peer imports it for its benchmark sides.
 */
public class DemoAuthenticator implements Authenticator {

    private static final String PREFIX = "demo-";

    @Override
    public Optional<Identity> authenticate(String token) {
        return token.startsWith(PREFIX) && token.length() > PREFIX.length()
                ? Optional.of(Identity.of(token.substring(PREFIX.length())))
                : Optional.empty();
    }
}

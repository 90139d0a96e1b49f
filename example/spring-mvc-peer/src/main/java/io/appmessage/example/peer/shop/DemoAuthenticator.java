package io.appmessage.example.peer.shop;

import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The demo's tokens: {@code demo-<user>} polls as that user; any other token is anonymous. */
@Component
public class DemoAuthenticator implements Authenticator {

    private static final String PREFIX = "demo-";

    @Override
    public Optional<Identity> authenticate(String token) {
        return token.startsWith(PREFIX) && token.length() > PREFIX.length()
                ? Optional.of(Identity.of(token.substring(PREFIX.length())))
                : Optional.empty();
    }
}

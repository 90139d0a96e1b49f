package io.appmessage.example.spring;

import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.InvalidTokenException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The demo's three tokens ({@code demo-alice}, {@code demo-bob}, {@code demo-carol}); any other token is
 * refused with 401, so a client holding a stale token learns it must log in again.
 */
@Component
public class ShopAuthenticator implements Authenticator {

    @Override
    public Optional<Identity> authenticate(String token) throws InvalidTokenException {
        String user = DemoUsers.byToken(token).orElseThrow(
                () -> new InvalidTokenException("not a demo token (demo-alice, demo-bob, demo-carol)"));
        return Optional.of(Identity.of(user));
    }
}

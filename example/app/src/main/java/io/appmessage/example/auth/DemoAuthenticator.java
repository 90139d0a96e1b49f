package io.appmessage.example.auth;

import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.InvalidTokenException;

import java.util.Optional;

/**
 * The demo shop's "login": three fixed tokens, as a real shop would look a session up.
 *
 * <pre>{@code
 * curl -H 'X-Access-Token: demo-alice' http://localhost:8080/api/message/index
 * curl 'http://localhost:8080/api/message/index?access_token=demo-bob'
 * }</pre>
 *
 * <p>An unknown token is rejected with {@link InvalidTokenException}, which the runtime answers
 * {@code 401} with the envelope: a client holding a stale token learns it must log in again,
 * instead of silently polling as nobody. (Returning empty would make the poll anonymous.)
 */
public final class DemoAuthenticator implements Authenticator {

    @Override
    public Optional<Identity> authenticate(String token) throws InvalidTokenException {
        String user = DemoUsers.byToken(token).orElseThrow(
                () -> new InvalidTokenException("not a demo token (demo-alice, demo-bob, demo-carol)"));
        return Optional.of(Identity.of(user));
    }
}

package io.appmessage.runtime;

import java.util.Optional;

/**
 * Resolves the access token of a poll to an {@link Identity}. Called on every poll that carries a
 * token (the {@code X-Access-Token} header, else the {@code access_token} query parameter), on a
 * worker thread, never on an IO thread; a poll without a token is anonymous and does not call it.
 *
 * <pre>{@code
 * Authenticator auth = token -> sessions.find(token)
 *         .map(s -> Identity.of(s.userId(), Map.of("tenant", s.tenant())));
 * }</pre>
 *
 * <ul>
 *   <li>an identity: the poll is that user's;</li>
 *   <li>empty: the token is ignored and the poll is anonymous (a poll needs no login);</li>
 *   <li>{@link InvalidTokenException}: the poll is answered {@code 401} with the envelope;</li>
 *   <li>any other exception: logged, and the poll is answered {@code 500} with the envelope.</li>
 * </ul>
 */
@FunctionalInterface
public interface Authenticator {

    /** The default: every poll is anonymous, tokens are ignored. */
    Authenticator ANONYMOUS = token -> Optional.empty();

    /** Resolves {@code token} (never null or empty). */
    Optional<Identity> authenticate(String token) throws InvalidTokenException;
}

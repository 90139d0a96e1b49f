package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.InvalidTokenException;
import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.spi.PollObserver.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the transport received into the request handlers see: the raw query parsed strictly,
 * the token taken from its header (else its query parameter) and checked by the app's
 * {@link Authenticator}. What cannot be read is an answer instead: 400, 401 or 500.
 */
final class PollRequestReader {

    private static final Logger LOG = LoggerFactory.getLogger(PollRequestReader.class);

    /** The header that carries the access token. */
    static final String TOKEN_HEADER = "X-Access-Token";
    /** The query parameter that carries the access token when the header is absent. */
    static final String TOKEN_PARAMETER = "access_token";

    /** Parameters the runtime reads itself: two values would leave it guessing which one the client meant. */
    private static final String[] SINGLE_VALUED = {TOKEN_PARAMETER, "cursor", "wait", "topics"};

    private final Authenticator authenticator;
    private final int maxParameters;
    private final Answers answers;
    private final io.appmessage.runtime.internal.json.EnvelopeWriter envelopes;

    PollRequestReader(Authenticator authenticator, int maxParameters, Answers answers,
                      io.appmessage.runtime.internal.json.EnvelopeWriter envelopes) {
        this.authenticator = authenticator;
        this.maxParameters = maxParameters;
        this.answers = answers;
        this.envelopes = envelopes;
    }

    /** A request that cannot be read: the answer it gets instead. Stackless, built on the error path only. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient PollResponse answer;
        final Refusal reason;

        Refused(PollResponse answer, Refusal reason) {
            super(null, null, false, false);
            this.answer = answer;
            this.reason = reason;
        }
    }

    /** The request handlers see; {@link Refused} when the query, the token or the authenticator says no. */
    PollRequestView read(String rawQuery, HeaderLookup headers, long receivedAtMillis) throws Refused {
        Map<String, List<String>> query;
        try {
            query = QueryString.parse(rawQuery, maxParameters);
        } catch (BadQueryException e) {
            throw new Refused(answers.badRequest(envelopes, e.getMessage()), Refusal.BAD_REQUEST);
        }
        for (String name : SINGLE_VALUED) {
            List<String> values = query.get(name);
            if (values != null && values.size() > 1) {
                throw new Refused(answers.badRequest(envelopes, "query parameter '" + name + "' given more than once"),
                        Refusal.BAD_REQUEST);
            }
        }
        String token = headers.first(TOKEN_HEADER);
        if (token == null || token.isEmpty()) {
            List<String> values = query.get(TOKEN_PARAMETER);
            token = values == null || values.isEmpty() ? null : values.get(0);
        }
        Optional<String> userId = Optional.empty();
        Map<String, Object> attributes = Map.of();
        if (token != null && !token.isEmpty()) {
            try {
                Optional<Identity> identity = authenticator.authenticate(token);
                if (identity.isPresent()) {
                    userId = Optional.of(identity.get().userId());
                    attributes = identity.get().attributes();
                }
            } catch (InvalidTokenException e) {
                LOG.debug("token rejected: {}", e.getMessage());
                throw new Refused(answers.invalidToken, Refusal.UNAUTHORIZED);
            } catch (RuntimeException e) {
                LOG.error("the authenticator failed; answering 500", e);
                throw new Refused(answers.internalError, null);
            }
        }
        return new PollRequestView(userId, query, headers, attributes, receivedAtMillis);
    }
}

package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.internal.json.EnvelopeWriter;

/**
 * Every constant answer, its envelope bytes written once at start (nothing on the poll
 * path computes what could be done once). Messages are plain and never carry a stack trace.
 *
 * <pre>{@code
 * Answers answers = new Answers(envelopeWriter, 5);
 * send(answers.notFound);
 * }</pre>
 */
public final class Answers {

    public final PollResponse badRequest;
    public final PollResponse invalidToken;
    public final PollResponse notFound;
    public final PollResponse methodNotAllowed;
    public final PollResponse requestTimeout;
    public final PollResponse bodyTooLarge;
    public final PollResponse internalError;
    public final PollResponse busy;
    public final PollResponse shuttingDown;
    public final PollResponse healthy;

    public Answers(EnvelopeWriter envelopes, int retryAfterSeconds) {
        badRequest = error(envelopes, 400, "bad request", 0);
        invalidToken = error(envelopes, 401, "invalid access token", 0);
        notFound = error(envelopes, 404, "not found", 0);
        methodNotAllowed = error(envelopes, 405, "method not allowed: use GET or POST", 0);
        requestTimeout = error(envelopes, 408, "request body not received in time", 0);
        bodyTooLarge = error(envelopes, 413, "request body too large", 0);
        internalError = error(envelopes, 500, "internal server error", 0);
        busy = error(envelopes, 503, "server busy, retry later", retryAfterSeconds);
        shuttingDown = error(envelopes, 503, "server shutting down, retry later", retryAfterSeconds);
        healthy = new PollResponse(200, envelopes.error(0, "ok"), 0);
    }

    /** A 400 with a specific plain message (malformed query string), built on the error path only. */
    public PollResponse badRequest(EnvelopeWriter envelopes, String message) {
        return error(envelopes, 400, message, 0);
    }

    private static PollResponse error(EnvelopeWriter envelopes, int status, String message, int retryAfter) {
        return new PollResponse(status, envelopes.error(status, message), retryAfter);
    }
}

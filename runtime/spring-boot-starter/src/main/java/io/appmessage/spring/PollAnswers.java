package io.appmessage.spring;

import io.appmessage.runtime.PollResponse;

import java.nio.charset.StandardCharsets;

/** Answers the web adapters give before a poll reaches the engine, written exactly as the standalone server writes them. */
final class PollAnswers {

    /** A body longer than {@code appmessage.max-body-bytes}. */
    static final PollResponse BODY_TOO_LARGE = new PollResponse(413,
            "{\"code\":413,\"msg\":\"request body too large\",\"data\":null}".getBytes(StandardCharsets.UTF_8), 0);

    private PollAnswers() {
    }
}

package io.appmessage.runtime;

import java.nio.charset.StandardCharsets;

/**
 * One poll's answer, ready to send: HTTP status, the envelope as UTF-8 JSON, and for {@code 503}
 * the {@code Retry-After} seconds. The body array is shared for constant answers: do not modify it.
 *
 * <pre>{@code
 * response.setStatus(answer.status());
 * response.setContentType(PollResponse.CONTENT_TYPE);
 * if (answer.retryAfterSeconds() > 0) response.setHeader("Retry-After", String.valueOf(answer.retryAfterSeconds()));
 * response.getOutputStream().write(answer.body());
 * }</pre>
 *
 * @param status            HTTP status (the envelope's {@code code} is 0 for 200, else the status)
 * @param body              the envelope bytes
 * @param retryAfterSeconds seconds for a {@code Retry-After} header, or 0 for none
 */
public record PollResponse(int status, byte[] body, int retryAfterSeconds) {

    /** The content type of every answer, success or error. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /**
     * The headers to send with this answer: {@code Content-Type} always, {@code Retry-After} with a
     * 503, {@code Allow} with a 405. A transport adds its own framing headers (Content-Length).
     */
    public java.util.Map<String, String> headers() {
        if (retryAfterSeconds > 0) {
            return java.util.Map.of("Content-Type", CONTENT_TYPE, "Retry-After", Integer.toString(retryAfterSeconds));
        }
        if (status == 405) {
            return java.util.Map.of("Content-Type", CONTENT_TYPE, "Allow", "GET, POST");
        }
        return java.util.Map.of("Content-Type", CONTENT_TYPE);
    }

    /** The body as a string, for logs and tests. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

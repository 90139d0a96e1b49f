package io.appmessage.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One poll's answer, ready to send: HTTP status, the envelope as UTF-8 JSON, and for {@code 503}
 * the {@code Retry-After} seconds. The body array is shared for constant answers: do not modify it.
 *
 * <pre>{@code
 * response.setStatus(answer.status());
 * answer.headers().forEach(response::setHeader);
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
     * Headers every answer carries, success or error, on every transport. {@code Cache-Control: no-store}: an
     * answer belongs to one user while every user's poll has the same URL (the token travels in a header),
     * so a CDN or proxy that kept one would hand it to another user; nothing in it is worth revalidating.
     * {@code X-Content-Type-Options: nosniff}: the JSON is never taken for a script or a page.
     */
    public static final Map<String, String> HEADERS =
            Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");

    /**
     * The headers to send with this answer: {@code Content-Type} and {@link #HEADERS} always,
     * {@code Retry-After} with a 503, {@code Allow} with a 405. A transport adds its own framing headers
     * (Content-Length).
     */
    public Map<String, String> headers() {
        if (retryAfterSeconds > 0) {
            return Map.of("Content-Type", CONTENT_TYPE, "Retry-After", Integer.toString(retryAfterSeconds),
                    "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");
        }
        if (status == 405) {
            return Map.of("Content-Type", CONTENT_TYPE, "Allow", "GET, POST",
                    "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");
        }
        return Map.of("Content-Type", CONTENT_TYPE, "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");
    }

    /** The body as a string, for logs and tests. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

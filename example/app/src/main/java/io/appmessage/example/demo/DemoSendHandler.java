package io.appmessage.example.demo;

import io.appmessage.example.auth.DemoUsers;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxOutcomeUnknownException;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Deque;
import java.util.Optional;

/**
 * {@code POST /api/demo/send?to=<user>}: one demo user sends another a targeted message through the
 * outbox, so a newcomer sees it arrive within one poll, or at once with long-poll.
 *
 * <pre>{@code
 * curl -X POST -H 'X-Access-Token: demo-alice' --data-binary 'hi bob' 'http://localhost:8080/api/demo/send?to=bob'
 * {"code":0,"msg":"","data":{"id":1,"from":"alice","to":"bob"}}
 * }</pre>
 *
 * <p>The body is the message as plain UTF-8 text, 1–{@value #MAX_TEXT_CHARS} characters (surrounding
 * white space dropped). Every answer is the envelope: 401 without a demo token in {@code X-Access-Token},
 * 400 for an unknown {@code to}, an empty text or a malformed {@code Idempotency-Key}, 413 for a longer
 * text, 405 for another method, 503 with {@code Retry-After} when the store certainly did not take the
 * message (send again), 504 with {@code Retry-After} when the store did not answer in time (the message may
 * have been stored: send again with the same {@code Idempotency-Key}, which stores it at most once and
 * answers the first send's id).
 *
 * <pre>{@code
 * curl -X POST -H 'X-Access-Token: demo-alice' -H 'Idempotency-Key: 7f3c' --data-binary 'hi' '…/api/demo/send?to=bob'
 * }</pre>
 */
public final class DemoSendHandler implements HttpHandler {

    /** The outbox key of demo messages; the page and the mini-program look for it. */
    public static final String MESSAGE_KEY = "demo_message";
    /** Longest text accepted, in characters (code points). */
    public static final int MAX_TEXT_CHARS = 500;
    /** Enough bytes for {@value #MAX_TEXT_CHARS} characters of 4 UTF-8 bytes plus white space; more is 413. */
    static final int MAX_BODY_BYTES = MAX_TEXT_CHARS * 4 + 64;

    /** The request header that makes a retried send store the message at most once. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final AppMessageOutbox outbox;
    private final Clock clock;

    public DemoSendHandler(AppMessageOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        if (!Methods.POST.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            answer(exchange, StatusCodes.METHOD_NOT_ALLOWED, "method not allowed: POST the text", null);
            return;
        }
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // reading the body and the store's fsync block: a worker thread does them
            return;
        }
        exchange.startBlocking();
        Optional<String> from = DemoUsers.byToken(exchange.getRequestHeaders().getFirst("X-Access-Token"));
        if (from.isEmpty()) {
            answer(exchange, StatusCodes.UNAUTHORIZED,
                    "send needs the header X-Access-Token: demo-alice, demo-bob or demo-carol", null);
            return;
        }
        String to = recipient(exchange);
        if (to == null) {
            answer(exchange, StatusCodes.BAD_REQUEST, "to must be one of alice, bob, carol", null);
            return;
        }
        if (exchange.getRequestContentLength() > MAX_BODY_BYTES) {
            answer(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, tooLong(), null);
            return;
        }
        byte[] body = readAtMost(exchange.getInputStream(), MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            answer(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, tooLong(), null);
            return;
        }
        String text = utf8(body);
        if (text == null) {
            answer(exchange, StatusCodes.BAD_REQUEST, "the body must be UTF-8 text", null);
            return;
        }
        text = text.strip();
        if (text.isEmpty()) {
            answer(exchange, StatusCodes.BAD_REQUEST, "the text is empty: POST the message as the body", null);
            return;
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT_CHARS) {
            answer(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, tooLong(), null);
            return;
        }
        String idempotencyKey = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
        if (idempotencyKey != null && !validIdempotencyKey(idempotencyKey)) {
            answer(exchange, StatusCodes.BAD_REQUEST, "Idempotency-Key must be 1 to 128 printable ASCII characters", null);
            return;
        }
        long id;
        try {
            DemoMessage message = new DemoMessage(from.get(), text, clock.millis());
            id = idempotencyKey == null ? outbox.send(to, MESSAGE_KEY, message)
                    : outbox.send(to, MESSAGE_KEY, message, idempotencyKey);
        } catch (OutboxOutcomeUnknownException e) {
            // the outbox logged it (one line per 10 s): the store may have applied the send after all
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            answer(exchange, StatusCodes.GATEWAY_TIME_OUT, "the message store did not answer in time: the message"
                    + " may have been stored; retry with the same Idempotency-Key", null);
            return;
        } catch (OutboxUnavailableException e) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            answer(exchange, StatusCodes.SERVICE_UNAVAILABLE, "the message store is unavailable: nothing was stored, try again", null);
            return;
        }
        answer(exchange, StatusCodes.OK, "",
                "{\"id\":" + id + ",\"from\":\"" + from.get() + "\",\"to\":\"" + to + "\"}");
    }

    /** Visible ASCII only, so the key is echoed and logged safely; the outbox allows 1 to 128 characters. */
    private static boolean validIdempotencyKey(String value) {
        return !value.isEmpty() && value.length() <= 128 && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The {@code to} query parameter when it names a demo user; null otherwise (missing, repeated, unknown). */
    private static String recipient(HttpServerExchange exchange) {
        Deque<String> values = exchange.getQueryParameters().get("to");
        if (values == null || values.size() != 1) {
            return null;
        }
        String to;
        try {
            // the example's Undertow leaves queries undecoded (DECODE_URL=false, for the poll handler)
            to = URLDecoder.decode(values.getFirst(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEncoding) {
            return null;
        }
        return DemoUsers.exists(to) ? to : null;
    }

    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    /** Strict decoding: malformed UTF-8 is refused, not silently replaced with U+FFFD. */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String tooLong() {
        return "the text is longer than " + MAX_TEXT_CHARS + " characters";
    }

    /** The seed's envelope; {@code msg} values are our own constants (no quotes or backslashes to escape). */
    static void answer(HttpServerExchange exchange, int status, String msg, String dataJson) {
        int code = status == StatusCodes.OK ? 0 : status;
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send("{\"code\":" + code + ",\"msg\":\"" + msg + "\",\"data\":"
                + (dataJson == null ? "null" : dataJson) + "}");
    }
}

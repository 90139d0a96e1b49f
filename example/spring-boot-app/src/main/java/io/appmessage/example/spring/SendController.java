package io.appmessage.example.spring;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxOutcomeUnknownException;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/demo/send?to=<user>} with the text as a plain UTF-8 body and {@code X-Access-Token}:
 * stores a targeted message ({@value #MESSAGE_KEY}) for that user; their held long-poll answers at once.
 * Every answer is the envelope: 401 without a demo token, 400 for an unknown {@code to}, an empty or
 * non-UTF-8 text or a malformed {@code Idempotency-Key}, 413 over {@value #MAX_TEXT_CHARS} characters,
 * 503 (nothing stored) or 504 (maybe stored: retry with the same {@code Idempotency-Key}) with
 * {@code Retry-After} when the store fails.
 */
@RestController
public class SendController {

    /** The outbox key of demo messages; the page and the mini-program look for it. */
    public static final String MESSAGE_KEY = "demo_message";
    /** Longest text accepted, in characters (code points). */
    public static final int MAX_TEXT_CHARS = 500;
    private static final int MAX_BODY_BYTES = MAX_TEXT_CHARS * 4 + 64;

    private final AppMessageOutbox outbox;
    private final Clock clock = Clock.systemUTC();

    public SendController(AppMessageOutbox outbox) {
        this.outbox = outbox;
    }

    @PostMapping("/api/demo/send")
    public ResponseEntity<Envelope> send(@RequestHeader(name = "X-Access-Token", required = false) String token,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                         @RequestParam(name = "to", required = false) List<String> to,
                                         @RequestBody(required = false) byte[] body) {
        Optional<String> from = DemoUsers.byToken(token);
        if (from.isEmpty()) {
            return Envelope.error(HttpStatus.UNAUTHORIZED, "send needs the header X-Access-Token: demo-alice, demo-bob or demo-carol");
        }
        if (to == null || to.size() != 1 || !DemoUsers.exists(to.get(0))) {
            return Envelope.error(HttpStatus.BAD_REQUEST, "to must be one of alice, bob, carol");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        String text = bytes.length > MAX_BODY_BYTES ? null : utf8(bytes);
        if (bytes.length <= MAX_BODY_BYTES && text == null) {
            return Envelope.error(HttpStatus.BAD_REQUEST, "the body must be UTF-8 text");
        }
        if (text != null && text.strip().isEmpty()) {
            return Envelope.error(HttpStatus.BAD_REQUEST, "the text is empty: POST the message as the body");
        }
        if (text == null || text.strip().codePointCount(0, text.strip().length()) > MAX_TEXT_CHARS) {
            return Envelope.error(HttpStatus.PAYLOAD_TOO_LARGE, "the text is longer than " + MAX_TEXT_CHARS + " characters");
        }
        if (idempotencyKey != null && !validIdempotencyKey(idempotencyKey)) {
            return Envelope.error(HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 128 printable ASCII characters");
        }
        return store(from.get(), to.get(0), new DemoMessage(from.get(), text.strip(), clock.millis()), idempotencyKey);
    }

    private ResponseEntity<Envelope> store(String from, String to, DemoMessage message, String idempotencyKey) {
        try {
            long id = idempotencyKey == null ? outbox.send(to, MESSAGE_KEY, message)
                    : outbox.send(to, MESSAGE_KEY, message, idempotencyKey);
            return ResponseEntity.ok(new Envelope(0, "", Map.of("id", id, "from", from, "to", to)));
        } catch (OutboxOutcomeUnknownException e) {
            return Envelope.retryLater(HttpStatus.GATEWAY_TIMEOUT, "the message store did not answer in time: the message"
                    + " may have been stored; retry with the same Idempotency-Key");
        } catch (OutboxUnavailableException e) {
            return Envelope.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "the message store is unavailable: nothing was stored, try again");
        }
    }

    /** Visible ASCII only, so the key is echoed and logged safely; the outbox allows 1 to 128 characters. */
    private static boolean validIdempotencyKey(String value) {
        return !value.isEmpty() && value.length() <= 128 && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** Strict decoding: malformed UTF-8 is refused, not silently replaced with U+FFFD. */
    private static String utf8(byte[] body) {
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

    /** The poll's envelope: {@code code} 0 or the HTTP status, {@code msg}, {@code data}. */
    public record Envelope(int code, String msg, Object data) {

        static ResponseEntity<Envelope> error(HttpStatus status, String msg) {
            return ResponseEntity.status(status).body(new Envelope(status.value(), msg, null));
        }

        static ResponseEntity<Envelope> retryLater(HttpStatus status, String msg) {
            return ResponseEntity.status(status).header("Retry-After", "5").body(new Envelope(status.value(), msg, null));
        }
    }
}

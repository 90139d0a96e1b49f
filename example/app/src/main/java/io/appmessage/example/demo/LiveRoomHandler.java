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
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /api/live/<room>}: a logged-in demo user says something in a live room. The text is published
 * to the topic {@code live:<room>}, which the example declares public ({@code publicTopics("live:*")}), so
 * every page polling with {@code topics=live:<room>} gets it, anonymous ones too.
 *
 * <pre>{@code
 * curl -X POST -H 'X-Access-Token: demo-alice' --data-binary 'hi all' http://localhost:8080/api/live/42
 * {"code":0,"msg":"","data":{"id":1,"topic":"live:42","from":"alice"}}
 * }</pre>
 *
 * <p>The body is plain UTF-8 text, 1–{@value DemoSendHandler#MAX_TEXT_CHARS} characters. Answers: 401
 * without a demo token, 400 for a room that is not 1–64 letters, digits, {@code _} or {@code -}, or an
 * empty text, 413 for a longer text, 405 for another method, 503/504 with {@code Retry-After} when the store
 * did not take the message or did not answer in time.
 */
public final class LiveRoomHandler implements HttpHandler {

    /** Where the rooms live: {@code POST /api/live/<room>}. */
    public static final String PATH = "/api/live";
    /** The outbox key of chat lines; the page and the mini-program look for it. */
    public static final String MESSAGE_KEY = "live_chat";
    /** The topics of the rooms, {@code live:<room>}: the pattern the example declares public. */
    public static final String TOPICS = "live:*";

    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AppMessageOutbox outbox;
    private final Clock clock;

    public LiveRoomHandler(AppMessageOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        if (!Methods.POST.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            DemoSendHandler.answer(exchange, StatusCodes.METHOD_NOT_ALLOWED, "method not allowed: POST the text", null);
            return;
        }
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // reading the body and the store's fsync block: a worker thread does them
            return;
        }
        exchange.startBlocking();
        Optional<String> from = DemoUsers.byToken(exchange.getRequestHeaders().getFirst("X-Access-Token"));
        if (from.isEmpty()) {
            DemoSendHandler.answer(exchange, StatusCodes.UNAUTHORIZED,
                    "chat needs the header X-Access-Token: demo-alice, demo-bob or demo-carol", null);
            return;
        }
        String room = exchange.getRelativePath().startsWith("/") ? exchange.getRelativePath().substring(1) : "";
        if (!ROOM.matcher(room).matches()) {
            DemoSendHandler.answer(exchange, StatusCodes.BAD_REQUEST,
                    "POST to /api/live/<room>, a room of 1 to 64 letters, digits, '_' or '-'", null);
            return;
        }
        String text = text(exchange);
        if (text == null) {
            return; // answered
        }
        long id;
        try {
            id = outbox.publish("live:" + room, MESSAGE_KEY, new LiveChat(from.get(), text, clock.millis()));
        } catch (OutboxOutcomeUnknownException e) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            DemoSendHandler.answer(exchange, StatusCodes.GATEWAY_TIME_OUT,
                    "the message store did not answer in time: the line may have been published", null);
            return;
        } catch (OutboxUnavailableException e) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            DemoSendHandler.answer(exchange, StatusCodes.SERVICE_UNAVAILABLE,
                    "the message store is unavailable: nothing was published, try again", null);
            return;
        }
        DemoSendHandler.answer(exchange, StatusCodes.OK, "",
                "{\"id\":" + id + ",\"topic\":\"live:" + room + "\",\"from\":\"" + from.get() + "\"}");
    }

    /** The body as stripped text, or null after answering why it is not acceptable. */
    private static String text(HttpServerExchange exchange) throws IOException {
        if (exchange.getRequestContentLength() > DemoSendHandler.MAX_BODY_BYTES) {
            DemoSendHandler.answer(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, DemoSendHandler.tooLong(), null);
            return null;
        }
        byte[] body = DemoSendHandler.readAtMost(exchange.getInputStream(), DemoSendHandler.MAX_BODY_BYTES + 1);
        if (body.length > DemoSendHandler.MAX_BODY_BYTES) {
            DemoSendHandler.answer(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, DemoSendHandler.tooLong(), null);
            return null;
        }
        String text = DemoSendHandler.utf8(body);
        if (text == null) {
            DemoSendHandler.answer(exchange, StatusCodes.BAD_REQUEST, "the body must be UTF-8 text", null);
            return null;
        }
        text = text.strip();
        if (text.isEmpty()) {
            DemoSendHandler.answer(exchange, StatusCodes.BAD_REQUEST, "the text is empty: POST the line as the body", null);
            return null;
        }
        if (text.codePointCount(0, text.length()) > DemoSendHandler.MAX_TEXT_CHARS) {
            DemoSendHandler.answer(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, DemoSendHandler.tooLong(), null);
            return null;
        }
        return text;
    }
}

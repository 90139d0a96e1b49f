package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.internal.dispatch.PollEngine;
import io.appmessage.runtime.spi.PollObserver.Refusal;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import org.xnio.XnioExecutor;

import java.util.concurrent.TimeUnit;

/**
 * The poll endpoint as an Undertow {@link HttpHandler}: checks the body size, reads the body, has the
 * {@link PollEngine} admit the poll on the I/O thread (cheap refusals never reach a worker), then
 * runs it through the engine: right there when every handler is declared non-blocking, else on a
 * worker thread ({@link ExchangePoll}). It does not look at the path, so it can be mounted anywhere in an app's own Undertow.
 *
 * <pre>{@code
 * Handlers.path().addExactPath("/api/message/index", server.httpHandler());
 * }</pre>
 *
 * <p>A request body is read (up to the limit, else 413; within the body timeout, else 408) before
 * the poll is admitted, and ignored: clients send their parameters in the query string and the
 * token in a header.
 */
public final class PollHttpHandler implements HttpHandler {

    private final PollEngine engine;
    private final long maxBodyBytes;
    private final long bodyTimeoutMillis;
    private final PendingAnswers answers = new PendingAnswers();

    /**
     * @param bodyTimeoutMillis how long a request body may take to arrive in full, else 408 and the
     *                          connection closes (the server passes its {@code requestParseTimeout})
     */
    public PollHttpHandler(PollEngine engine, long maxBodyBytes, long bodyTimeoutMillis) {
        this.engine = engine;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyTimeoutMillis = bodyTimeoutMillis;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String method = exchange.getRequestMethod().toString();
        if (!PollEngine.isPollMethod(method)) {
            Responses.send(exchange, engine.admit(method)); // the engine's 405
            return;
        }
        long length = exchange.getRequestContentLength();
        if (length > maxBodyBytes) {
            exchange.setPersistent(false); // the unread body would otherwise be drained from a client we refuse
            engine.refused(Refusal.TOO_LARGE);
            Responses.send(exchange, engine.answers().bodyTooLarge);
            return;
        }
        long receivedAt = System.currentTimeMillis();
        boolean hasBody = length > 0 || (length < 0 && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING));
        if (!hasBody) {
            admitAndRun(exchange, receivedAt, false);
            return;
        }
        // the poll is admitted only once its body is in: a client that announces a body and sends it
        // slowly (or never) must not hold an in-flight permit meanwhile (maxInFlight stalled POSTs
        // would otherwise refuse every other poll with 503 until the idle timeout)
        BoundedBody body = new BoundedBody(exchange, receivedAt);
        body.timer = exchange.getIoThread().executeAfter(body::timedOut, bodyTimeoutMillis, TimeUnit.MILLISECONDS);
        exchange.getRequestReceiver().receivePartialBytes(body, body::failed);
    }

    /**
     * Waits until every poll answer handed to Undertow is written, up to {@code millis}: shutdown
     * calls it after the in-flight polls drained, before stopping Undertow closes the connections.
     */
    public boolean awaitAnswersWritten(long millis) throws InterruptedException {
        return answers.awaitWritten(millis);
    }

    /** Takes an in-flight permit (or answers 503) and runs the poll: on this I/O thread when its handlers allow, else on a worker. */
    private void admitAndRun(HttpServerExchange exchange, long receivedAt, boolean hasBody) {
        PollResponse refused = engine.admit(exchange.getRequestMethod().toString());
        if (refused != null) {
            if (engine.closing()) {
                exchange.setPersistent(false); // send the client to another node
            }
            Responses.send(exchange, refused);
            return;
        }
        ExchangePoll.dispatch(exchange, engine, answers, receivedAt, hasBody);
    }

    /**
     * Reads a body up to the limit within the body timeout, then admits and runs the poll; beyond
     * the limit answers 413, past the timeout 408, and closes. Counted here rather than with
     * Undertow's entity-size limit, which drops the connection without an answer. The timer runs on
     * the connection's IO thread, the reads maybe elsewhere: the first outcome wins, under the lock.
     */
    private final class BoundedBody implements io.undertow.io.Receiver.PartialBytesCallback {

        private final HttpServerExchange exchange;
        private final long receivedAt;
        private long bytes;
        private boolean settled;
        volatile XnioExecutor.Key timer;

        BoundedBody(HttpServerExchange exchange, long receivedAt) {
            this.exchange = exchange;
            this.receivedAt = receivedAt;
        }

        @Override
        public void handle(HttpServerExchange ex, byte[] chunk, boolean last) {
            synchronized (this) {
                if (settled) {
                    return;
                }
                bytes += chunk.length;
                if (bytes <= maxBodyBytes && !last) {
                    return;
                }
                settled = true;
            }
            cancelTimer();
            if (bytes > maxBodyBytes) {
                engine.refused(Refusal.TOO_LARGE);
                refuse(ex, engine.answers().bodyTooLarge);
            } else {
                admitAndRun(ex, receivedAt, true);
            }
        }

        void failed(HttpServerExchange ex, java.io.IOException error) {
            if (settle()) {
                cancelTimer();
                engine.refused(Refusal.BAD_REQUEST);
                refuse(ex, engine.answers().badRequest); // a malformed chunked body
            }
        }

        void timedOut() {
            if (settle()) {
                engine.refused(Refusal.BAD_REQUEST);
                refuse(exchange, engine.answers().requestTimeout);
            }
        }

        private synchronized boolean settle() {
            if (settled) {
                return false;
            }
            settled = true;
            return true;
        }

        private void cancelTimer() {
            XnioExecutor.Key key = timer;
            if (key != null) {
                key.remove();
            }
        }

        private void refuse(HttpServerExchange ex, PollResponse response) {
            ex.setPersistent(false);
            ex.getRequestReceiver().pause();
            Responses.send(ex, response);
        }
    }
}

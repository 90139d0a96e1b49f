package io.appmessage.runtime.http;

import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.dispatch.PollPipeline;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

import java.util.concurrent.Executor;

/**
 * The poll endpoint as an Undertow {@link HttpHandler}: checks method and body size and admits
 * the poll on the IO thread (cheap refusals never reach a worker), then runs it on a worker
 * thread. It does not look at the path, so it can be mounted anywhere in an app's own Undertow.
 *
 * <pre>{@code
 * Handlers.path().addExactPath("/api/message/index", server.httpHandler());
 * }</pre>
 *
 * <p>A request body is read (up to the limit, else 413) and ignored: the seed's client sends its
 * parameters in the query string and the token in a header.
 */
public final class PollHttpHandler implements HttpHandler {

    private final PollPipeline pipeline;
    private final long maxBodyBytes;

    public PollHttpHandler(PollPipeline pipeline, long maxBodyBytes) {
        this.pipeline = pipeline;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!Methods.GET.equals(exchange.getRequestMethod()) && !Methods.POST.equals(exchange.getRequestMethod())) {
            Responses.send(exchange, pipeline.answers().methodNotAllowed);
            return;
        }
        long length = exchange.getRequestContentLength();
        if (length > maxBodyBytes) {
            exchange.setPersistent(false); // the unread body would otherwise be drained from a client we refuse
            Responses.send(exchange, pipeline.answers().bodyTooLarge);
            return;
        }
        PollResponse refused = pipeline.admit();
        if (refused != null) {
            if (pipeline.closing()) {
                exchange.setPersistent(false); // send the client to another node
            }
            Responses.send(exchange, refused);
            return;
        }
        long receivedAt = System.currentTimeMillis();
        Executor worker = exchange.getConnection().getWorker();
        boolean hasBody = length > 0 || (length < 0 && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING));
        if (!hasBody) {
            exchange.dispatch(worker, () -> run(exchange, receivedAt, worker, false));
            return;
        }
        exchange.getRequestReceiver().receivePartialBytes(new BoundedBody(exchange, receivedAt, worker),
                (ex, error) -> {
                    pipeline.release();
                    ex.setPersistent(false);
                    Responses.send(ex, pipeline.answers().badRequest);
                });
    }

    /**
     * Reads a body of unknown length (chunked) up to the limit, then runs the poll; beyond the
     * limit answers 413 and closes. Counted here rather than with Undertow's entity-size limit,
     * which drops the connection without an answer.
     */
    private final class BoundedBody implements io.undertow.io.Receiver.PartialBytesCallback {

        private final HttpServerExchange exchange;
        private final long receivedAt;
        private final Executor worker;
        private long bytes;
        private boolean refused;

        BoundedBody(HttpServerExchange exchange, long receivedAt, Executor worker) {
            this.exchange = exchange;
            this.receivedAt = receivedAt;
            this.worker = worker;
        }

        @Override
        public void handle(HttpServerExchange ex, byte[] chunk, boolean last) {
            if (refused) {
                return;
            }
            bytes += chunk.length;
            if (bytes > maxBodyBytes) {
                refused = true;
                pipeline.release();
                ex.setPersistent(false);
                ex.getRequestReceiver().pause();
                Responses.send(ex, pipeline.answers().bodyTooLarge);
            } else if (last) {
                ex.dispatch(worker, () -> run(exchange, receivedAt, worker, true));
            }
        }
    }

    private void run(HttpServerExchange exchange, long receivedAt, Executor worker, boolean hasBody) {
        pipeline.run(exchange.getQueryString(), exchange.getRequestHeaders()::getFirst, receivedAt, worker,
                response -> {
                    if (pipeline.closing()) {
                        exchange.setPersistent(false); // the last answer on this connection: reconnect elsewhere
                    }
                    Responses.send(exchange, response);
                }, UndertowConnectionWatch.of(exchange, hasBody));
    }
}

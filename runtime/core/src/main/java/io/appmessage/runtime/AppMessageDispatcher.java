package io.appmessage.runtime;

import io.appmessage.runtime.internal.dispatch.PollPipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The poll endpoint without HTTP: request data in, envelope out, for apps that serve HTTP with a
 * Servlet container or Spring instead of the built-in Undertow server. Get it from
 * {@link AppMessageServer#dispatcher()} (the server need not be started).
 *
 * <pre>{@code
 * // a Servlet, asynchronous so that no container thread waits for async handlers
 * protected void service(HttpServletRequest req, HttpServletResponse resp) {
 *     AsyncContext async = req.startAsync();
 *     dispatcher.poll(req.getMethod(), req.getQueryString(), req::getHeader).thenAccept(answer -> {
 *         resp.setStatus(answer.status());
 *         resp.setContentType(PollResponse.CONTENT_TYPE);
 *         if (answer.retryAfterSeconds() > 0) resp.setHeader("Retry-After", "" + answer.retryAfterSeconds());
 *         try { resp.getOutputStream().write(answer.body()); } catch (IOException ignored) { }
 *         async.complete();
 *     });
 * }
 * }</pre>
 *
 * <p>Polls run on the server's dispatcher executor ({@code Builder.dispatcherExecutor}, by default
 * a bounded pool of daemon threads {@code appmessage-dispatch-N} sized like Undertow's workers):
 * the calling container thread only hands the poll over. The authenticator, the handlers, a held
 * poll's resumption and a deadline answer all run there, never on the deadline timer's one thread
 * or on the thread that woke a held poll (a Redis client's). The returned stage completes on one of
 * its threads. Body size and header limits are the hosting container's job here.
 */
public final class AppMessageDispatcher {

    private final PollPipeline pipeline;
    private final Executor executor;

    AppMessageDispatcher(PollPipeline pipeline, Executor executor) {
        this.pipeline = pipeline;
        this.executor = executor;
    }

    /**
     * Answers one poll.
     *
     * @param method   the HTTP method; only GET and POST are polls (else 405)
     * @param rawQuery the query string as received, still percent-encoded, or null
     * @param headers  the first value of a request header by case-insensitive name, or null
     */
    public CompletionStage<PollResponse> poll(String method, String rawQuery, Function<String, String> headers) {
        CompletableFuture<PollResponse> answer = new CompletableFuture<>();
        if (!"GET".equals(method) && !"POST".equals(method)) {
            answer.complete(pipeline.answers().methodNotAllowed);
            return answer;
        }
        PollResponse refused = pipeline.admit();
        if (refused != null) {
            answer.complete(refused);
            return answer;
        }
        long receivedAt = System.currentTimeMillis();
        try {
            executor.execute(() -> pipeline.run(rawQuery, headers::apply, receivedAt, executor, answer::complete));
        } catch (RejectedExecutionException e) { // the executor is shut down or saturated
            pipeline.release();
            answer.complete(pipeline.closing() ? pipeline.answers().shuttingDown : pipeline.answers().busy);
        }
        return answer;
    }

    /** Switches plugins at run time (the same switch as {@link AppMessageServer#plugins()}). */
    public Plugins plugins() {
        return pipeline.plugins();
    }
}

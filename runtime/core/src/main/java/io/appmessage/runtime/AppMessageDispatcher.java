package io.appmessage.runtime;

import io.appmessage.runtime.internal.dispatch.ConnectionWatch;
import io.appmessage.runtime.internal.dispatch.PollEngine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The poll endpoint without HTTP: request data in, one answer out, for apps that serve HTTP with a
 * Servlet container, Spring MVC or WebFlux instead of the built-in Undertow server. It runs the
 * same poll engine as the built-in server (the same admission, method, closing and query rules).
 * Get it from {@link AppMessageServer#dispatcher()} (the server need not be started).
 *
 * <pre>{@code
 * // a Servlet, asynchronous so that no container thread waits for async handlers or a long-poll
 * protected void service(HttpServletRequest req, HttpServletResponse resp) {
 *     AsyncContext async = req.startAsync();
 *     async.setTimeout(0);
 *     CompletableFuture<Void> clientGone = new CompletableFuture<>();
 *     async.addListener(listenerThatCompletes(clientGone));    // onError / onTimeout
 *     dispatcher.poll(req.getMethod(), req.getQueryString(), req::getHeader, clientGone).thenAccept(answer -> {
 *         resp.setStatus(answer.status());
 *         answer.headers().forEach(resp::setHeader);
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
 * its threads ({@link #pollOnCallingThread} starts it on the caller's thread instead). Body size and
 * header limits are the hosting container's job here.
 */
public final class AppMessageDispatcher {

    private final PollEngine engine;
    private final Executor executor;

    AppMessageDispatcher(PollEngine engine, Executor executor) {
        this.engine = engine;
        this.executor = executor;
    }

    /**
     * Answers one poll; a long-poll whose client goes away is held until its wait ends. Prefer
     * {@link #poll(String, String, Function, CompletionStage)} where the container reports a
     * client that went away.
     *
     * @param method   the HTTP method; only GET and POST are polls (else 405)
     * @param rawQuery the query string as received, still percent-encoded, or null
     * @param headers  the first value of a request header by case-insensitive name, or null
     */
    public CompletionStage<PollResponse> poll(String method, String rawQuery, Function<String, String> headers) {
        return poll(method, rawQuery, headers, null);
    }

    /**
     * Answers one poll, freeing a held long-poll at once when {@code clientGone} completes (normally
     * or not). A poll whose client went away while held is never answered: the returned stage then
     * stays incomplete, and nothing is to be written anyway.
     *
     * @param method     the HTTP method; only GET and POST are polls (else 405)
     * @param rawQuery   the query string as received, still percent-encoded, or null
     * @param headers    the first value of a request header by case-insensitive name, or null
     * @param clientGone completes when the client closed the connection or the container gave up on
     *                   the request; null when the container cannot tell
     */
    public CompletionStage<PollResponse> poll(String method, String rawQuery, Function<String, String> headers,
                                              CompletionStage<?> clientGone) {
        CompletableFuture<PollResponse> answer = new CompletableFuture<>();
        PollResponse refused = engine.admit(method);
        if (refused != null) {
            answer.complete(refused);
            return answer;
        }
        long receivedAt = System.currentTimeMillis();
        ConnectionWatch watch = clientGone == null ? ConnectionWatch.NONE : new StageWatch(clientGone);
        try {
            executor.execute(() -> engine.run(rawQuery, headers::apply, receivedAt, executor, answer::complete, watch));
        } catch (RejectedExecutionException e) { // the executor is shut down or saturated
            engine.release();
            answer.complete(engine.closing() ? engine.answers().shuttingDown : engine.answers().busy);
        }
        return answer;
    }

    /**
     * {@link #poll(String, String, Function, CompletionStage)} started on the calling thread, for a
     * container's request thread that may block (a Servlet container's worker, never an event loop):
     * the authenticator and the handlers run right here, so when every handler is synchronous the
     * returned stage is already complete when this returns and the container can write the answer at
     * once, with no hop and no async request. An asynchronous handler or a held long-poll returns
     * early with the stage incomplete: it completes later on the dispatcher executor, so the calling
     * thread never waits for either.
     */
    public CompletionStage<PollResponse> pollOnCallingThread(String method, String rawQuery,
                                                             Function<String, String> headers,
                                                             CompletionStage<?> clientGone) {
        CompletableFuture<PollResponse> answer = new CompletableFuture<>();
        PollResponse refused = engine.admit(method);
        if (refused != null) {
            answer.complete(refused);
            return answer;
        }
        ConnectionWatch watch = clientGone == null ? ConnectionWatch.NONE : new StageWatch(clientGone);
        engine.run(rawQuery, headers::apply, System.currentTimeMillis(), executor, answer::complete, watch);
        return answer;
    }

    /** Switches plugins at run time (the same switch as {@link AppMessageServer#plugins()}). */
    public Plugins plugins() {
        return engine.plugins();
    }

    /** Watches a stage the container completes when the client goes away. */
    private static final class StageWatch implements ConnectionWatch {

        private final CompletionStage<?> clientGone;

        StageWatch(CompletionStage<?> clientGone) {
            this.clientGone = clientGone;
        }

        @Override
        public void held(Runnable gone) {
            clientGone.whenComplete((ignored, error) -> gone.run()); // the poll ignores it once the hold ended
        }

        @Override
        public void released(Runnable resume) {
            resume.run();
        }
    }
}

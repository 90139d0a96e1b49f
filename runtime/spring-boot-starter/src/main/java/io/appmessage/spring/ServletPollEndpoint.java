package io.appmessage.spring;

import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.PollResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.HttpRequestHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The poll endpoint on Spring MVC. The poll starts on the container thread; when every handler answered
 * there, the answer is written at once, as a plain request. Otherwise (an async handler, a held long-poll)
 * the request goes Servlet async before the container thread returns, so no container thread waits for
 * either, and the answer is written on the engine's thread when it is ready. When the container reports
 * the request over first (the client went away: {@code onError}; the safety timeout: {@code onTimeout}),
 * or the connection of a held poll is seen closed (Tomcat and Jetty: {@link SocketWatcher}; Undertow:
 * {@link UndertowConnectionWatch}), the poll is told at once and its hold freed.
 */
final class ServletPollEndpoint implements HttpRequestHandler {

    /** Whether Undertow's servlet classes are here: its connections are watched through its own API. */
    private static final boolean UNDERTOW = ClassUtils.isPresent("io.undertow.servlet.spec.HttpServletRequestImpl",
            ServletPollEndpoint.class.getClassLoader());

    private final AppMessageDispatcher dispatcher;
    private final long maxBodyBytes;
    /** The container's own limit for an async request: longer than any answer the engine gives. */
    private final long asyncTimeoutMillis;

    ServletPollEndpoint(AppMessageDispatcher dispatcher, long maxBodyBytes, Duration longPollCap, Duration pollDeadline) {
        this.dispatcher = dispatcher;
        this.maxBodyBytes = maxBodyBytes;
        this.asyncTimeoutMillis = longPollCap.plus(pollDeadline).plusSeconds(30).toMillis();
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) {
        if (request.getContentLengthLong() > maxBodyBytes) {
            response.setHeader("Connection", "close"); // the unread body would otherwise be drained
            write(response, PollAnswers.BODY_TOO_LARGE);
            return;
        }
        CompletableFuture<Void> over = new CompletableFuture<>();
        CompletableFuture<PollResponse> answer = dispatcher.pollOnCallingThread(request.getMethod(),
                request.getQueryString(), request::getHeader, over).toCompletableFuture();
        PollResponse ready = answer.getNow(null);
        if (ready != null) { // every handler answered on this thread: no async request, no watch
            write(response, ready);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(asyncTimeoutMillis);
        async.addListener(new RequestOver(over));
        Runnable stopWatching = watchConnection(request, async, over);
        answer.thenAccept(late -> {
            stopWatching.run(); // before writing: the container reads the connection again after the answer
            if (over.isDone()) {
                return; // the client went away or the container gave up: nothing to write to
            }
            try {
                write(response, late);
            } finally {
                completeQuietly(async);
            }
        });
    }

    /**
     * On Tomcat, Jetty and Undertow, watches the connection of a poll that may be held ({@code wait=} asked, no body):
     * when the client closes it, the hold is freed and the request ended at once. Returns what stops watching.
     */
    private static Runnable watchConnection(HttpServletRequest request, AsyncContext async, CompletableFuture<Void> over) {
        String query = request.getQueryString();
        if (query == null || !query.contains("wait=") || request.getContentLengthLong() > 0
                || request.getHeader("Transfer-Encoding") != null) {
            return () -> { };
        }
        Runnable gone = () -> {
            over.complete(null);
            completeQuietly(async);
        };
        Runnable stop = UNDERTOW ? UndertowConnectionWatch.watch(request, gone) : null;
        if (stop == null) {
            WatchedSocket connection = TomcatConnections.of(request);
            if (connection == null) {
                connection = JettyConnections.of(request);
            }
            if (connection == null) {
                return () -> { };
            }
            stop = SocketWatcher.shared().watch(connection, gone)::stop;
        }
        Runnable stopWatching = stop;
        over.whenComplete((ignored, error) -> stopWatching.run());
        return stopWatching;
    }

    /** Ends the request; the container may have ended it already (the client went away meanwhile). */
    private static void completeQuietly(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            // nothing left to end
        }
    }

    private static void write(HttpServletResponse response, PollResponse answer) {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        try {
            response.getOutputStream().write(answer.body());
        } catch (IOException clientGone) {
            // the client closed the connection: nobody is left to answer
        }
    }

    /** Completes {@code over} when the container ends the request before the answer was written. */
    private record RequestOver(CompletableFuture<Void> over) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            over.complete(null);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            over.complete(null);
            completeQuietly(event.getAsyncContext());
        }

        @Override
        public void onError(AsyncEvent event) {
            over.complete(null);
            completeQuietly(event.getAsyncContext());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}

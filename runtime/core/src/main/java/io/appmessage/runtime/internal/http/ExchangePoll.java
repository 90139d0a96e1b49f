package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.internal.dispatch.ConnectionWatch;
import io.appmessage.runtime.internal.dispatch.HeaderLookup;
import io.appmessage.runtime.internal.dispatch.PollAnswer;
import io.appmessage.runtime.internal.dispatch.PollEngine;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;

import java.util.concurrent.Executor;

/**
 * One admitted poll on its Undertow exchange: the task that runs it, the header lookup its request
 * reads, the place its answer goes and its connection watch (made only if the poll is held), in one
 * object. It runs on the I/O thread it arrived on when
 * the engine allows that (all handlers non-blocking), else after the hop to the worker pool.
 */
final class ExchangePoll implements Runnable, HeaderLookup, PollAnswer, ConnectionWatch {

    private final HttpServerExchange exchange;
    private final PollEngine engine;
    private final PendingAnswers answers;
    private final long receivedAt;
    private final boolean hasBody;
    private Executor executor;
    private boolean onIoThread;
    /** Made when the poll is held: most polls never are. */
    private volatile ConnectionWatch watch;

    private ExchangePoll(HttpServerExchange exchange, PollEngine engine, PendingAnswers answers, long receivedAt,
                         boolean hasBody) {
        this.exchange = exchange;
        this.engine = engine;
        this.answers = answers;
        this.receivedAt = receivedAt;
        this.hasBody = hasBody;
    }

    /**
     * Runs an admitted poll where it may: on this I/O thread once the handler returns (the exchange
     * stays open, as after any dispatch), or on a worker.
     */
    static void dispatch(HttpServerExchange exchange, PollEngine engine, PendingAnswers answers, long receivedAt,
                         boolean hasBody) {
        ExchangePoll poll = new ExchangePoll(exchange, engine, answers, receivedAt, hasBody);
        if (engine.runsOnIoThread(exchange.getQueryString(), poll)) {
            poll.onIoThread = true;
            poll.executor = exchange.getIoThread();
            exchange.dispatch(SameThreadExecutor.INSTANCE, poll);
        } else {
            poll.executor = exchange.getConnection().getWorker();
            exchange.dispatch(poll.executor, poll);
        }
    }

    @Override
    public void run() {
        if (onIoThread) {
            engine.runOnIoThread(exchange.getQueryString(), this, receivedAt, executor, this, this);
        } else {
            engine.run(exchange.getQueryString(), this, receivedAt, executor, this, this);
        }
    }

    @Override
    public void held(Runnable clientGone) {
        watch = UndertowConnectionWatch.of(exchange, hasBody);
        watch.held(clientGone);
    }

    @Override
    public void released(Runnable resume) {
        ConnectionWatch held = watch;
        if (held == null) {
            resume.run();
        } else {
            held.released(resume);
        }
    }

    @Override
    public String first(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    @Override
    public void send(PollResponse response) {
        if (engine.closing()) {
            exchange.setPersistent(false); // the last answer on this connection: reconnect elsewhere
        }
        answers.begin();
        if (!Responses.send(exchange, response, answers)) {
            answers.end();
        }
    }
}

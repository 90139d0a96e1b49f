package io.appmessage.runtime.internal.http;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Poll answers handed to Undertow and not yet written to the socket. A poll gives its in-flight
 * permit back as its answer is handed over (so a client that polls again at once finds it free),
 * and Undertow writes asynchronously; shutdown waits for this count too, else stopping Undertow
 * could cut the last answers of a graceful close (issue 3, item 1). One instance per handler is the
 * {@link IoCallback} of every answer, so counting allocates nothing per poll.
 */
final class PendingAnswers implements IoCallback {

    private final AtomicInteger pending = new AtomicInteger();
    private final Object written = new Object();

    /** An answer is about to be handed to Undertow with this object as its callback. */
    void begin() {
        pending.incrementAndGet();
    }

    @Override
    public void onComplete(HttpServerExchange exchange, Sender sender) {
        try {
            IoCallback.END_EXCHANGE.onComplete(exchange, sender);
        } finally {
            end();
        }
    }

    @Override
    public void onException(HttpServerExchange exchange, Sender sender, IOException exception) {
        try {
            IoCallback.END_EXCHANGE.onException(exchange, sender, exception);
        } finally {
            end();
        }
    }

    /** The answer was not handed over after all (the response had started). */
    void end() {
        if (pending.decrementAndGet() == 0) {
            synchronized (written) {
                written.notifyAll();
            }
        }
    }

    /** Waits until every answer handed over is written (or failed), or {@code millis} passed. */
    boolean awaitWritten(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        synchronized (written) {
            while (pending.get() > 0) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                written.wait(left);
            }
        }
        return true;
    }
}

package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.internal.shared.BoundedCounter;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;

import java.io.IOException;

/**
 * Poll answers handed to Undertow and not yet written to the socket. A poll gives its in-flight
 * permit back as its answer is handed over (so a client that polls again at once finds it free),
 * and Undertow writes asynchronously; shutdown waits for this count too, else stopping Undertow
 * could cut the last answers of a graceful close. One instance per handler is the
 * {@link IoCallback} of every answer, so counting allocates nothing per poll.
 */
final class PendingAnswers implements IoCallback {

    private final BoundedCounter pending = new BoundedCounter(Integer.MAX_VALUE);

    /** An answer is about to be handed to Undertow with this object as its callback. */
    void begin() {
        pending.acquireUnchecked();
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
        pending.release();
    }

    /** Waits until every answer handed over is written (or failed), or {@code millis} passed. */
    boolean awaitWritten(long millis) throws InterruptedException {
        return pending.awaitZero(millis);
    }
}

package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessage;
import io.appmessage.spi.MessageKeys;

import java.util.function.BiConsumer;

/**
 * One asynchronous handler's part of a poll: its own {@link AppMessage} (its pushes may come from
 * any thread, until its stage completes) and its stage's result. Allocated only for asynchronous
 * handlers. Once the poll answers, the slot is closed and whatever arrives later is ignored.
 */
final class AsyncSlot implements AppMessage, BiConsumer<Object, Throwable> {

    final HandlerSlot handler;
    final int position;
    private final HandlerRun run;
    private final FaultReporter faults;
    private PushLog pushes;
    /** Pushes whose key breaks the key rule, dropped; reported with the answer. */
    private PushLog rejected;
    private long settledAtNanos;
    private Object value;
    private boolean done;
    private boolean failed;
    private boolean closed;

    AsyncSlot(HandlerRun run, FaultReporter faults, HandlerSlot handler, int position) {
        this.run = run;
        this.faults = faults;
        this.handler = handler;
        this.position = position;
    }

    @Override
    public synchronized void push(String key, Object data) {
        if (closed || done) {
            return; // too late: the poll has answered, or the handler's stage already completed
        }
        if (!MessageKeys.isValid(key)) {
            if (rejected == null) {
                rejected = new PushLog(4);
            }
            rejected.add(key, null, position);
            return;
        }
        if (pushes == null) {
            pushes = new PushLog(8);
        }
        pushes.add(key, data, position);
    }

    /** The stage completed (or the call threw, or returned no stage). */
    @Override
    public void accept(Object result, Throwable error) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            settledAtNanos = System.nanoTime();
            if (closed) {
                return; // after the deadline: already logged as timed out
            }
            if (error != null) {
                failed = true;
                pushes = null;
            } else {
                value = result;
            }
        }
        if (error != null) {
            faults.threw(handler, unwrap(error));
        }
        run.asyncSettled();
    }

    /**
     * Closes the slot for the answer being written; returns true when its data goes into it.
     * A slot not done by now timed out.
     */
    synchronized boolean closeForAnswer() {
        closed = true;
        return done && !failed;
    }

    synchronized boolean isDone() {
        return done;
    }

    /** Read only after {@link #closeForAnswer()} returned true. */
    PushLog pushes() {
        return pushes;
    }

    /** Read only after {@link #closeForAnswer()}. */
    synchronized PushLog rejected() {
        return rejected;
    }

    synchronized long settledAtNanos() {
        return settledAtNanos;
    }

    Object value() {
        return value;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

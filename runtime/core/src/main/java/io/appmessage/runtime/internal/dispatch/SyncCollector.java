package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessage;
import io.appmessage.spi.MessageKeys;

/**
 * The handler phase of one poll: the {@link AppMessage} that synchronous handlers push to, and the
 * asynchronous handlers' slots. Handlers run one after the other on one worker thread, so one
 * collector with a "current handler" field attributes every push without an object per handler.
 *
 * <p>The deadline may pass while a handler still runs: a handler that times out loses only its
 * own keys. {@link #close} then freezes what is here for the answer, from another
 * thread: the running handler's pushes are taken back, whatever it pushes later is ignored, and
 * {@link #begin} refuses the handlers after it. Every step is under this object's lock, so the
 * answer reads a consistent log; the lock is uncontended except at that one moment.
 */
final class SyncCollector implements AppMessage {

    final PushLog log = new PushLog();
    /** Pushes whose key breaks the key rule, dropped, with their handler's position; null until one. */
    PushLog rejected;
    private final int handlerCount;
    private AsyncSlot[] asyncSlots; // only for polls with asynchronous handlers
    private int current = -1;
    /** The log's size after the last handler that returned: what the answer may use. */
    private int committed;
    private boolean running;
    private boolean closed;

    SyncCollector(int handlerCount) {
        this.handlerCount = handlerCount;
    }

    /**
     * Handler {@code position} starts (with its slot when asynchronous); false once the poll
     * answered: the handler must not run.
     */
    synchronized boolean begin(int position, AsyncSlot slot) {
        if (closed) {
            return false;
        }
        current = position;
        running = true;
        if (slot != null) {
            if (asyncSlots == null) {
                asyncSlots = new AsyncSlot[handlerCount];
            }
            asyncSlots[position] = slot;
        }
        return true;
    }

    /** The running handler returned; a value handler's result is pushed under its key. */
    synchronized void returned(String key, Object value) {
        if (closed) {
            return; // too late: the poll answered without this handler
        }
        if (key != null) {
            log.add(key, value, current);
        }
        committed = log.size;
        running = false;
    }

    /** The running handler failed: its pushes are taken back. */
    synchronized void failed() {
        if (closed) {
            return;
        }
        log.truncate(committed);
        running = false;
    }

    /**
     * Freezes the phase for the answer. Returns the position of a handler still running (its
     * pushes taken back), or -1 when none is.
     */
    synchronized int close() {
        if (closed) {
            return -1;
        }
        closed = true;
        if (!running) {
            return -1;
        }
        log.truncate(committed);
        return current;
    }

    /**
     * The position of the handler running now, or -1; read without the lock from another thread
     * (the watchdog of non-blocking handlers), so it may be a moment stale.
     */
    int runningPosition() {
        return running && !closed ? current : -1;
    }

    /** The asynchronous handler's slot at {@code position}, or null; read after {@link #close}. */
    AsyncSlot asyncSlot(int position) {
        return asyncSlots == null ? null : asyncSlots[position];
    }

    @Override
    public synchronized void push(String key, Object data) {
        if (closed || !running) {
            return; // pushed after its handler returned (or after the answer): a push counts within the call only
        }
        if (!MessageKeys.isValid(key)) {
            if (rejected == null) {
                rejected = new PushLog();
            }
            rejected.add(key, null, current); // dropped; the answer logs it against the handler
            return;
        }
        log.add(key, data, current);
    }
}

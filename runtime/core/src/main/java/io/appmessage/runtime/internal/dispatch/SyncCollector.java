package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessage;
import io.appmessage.spi.MessageKeys;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The handler phase of one poll: the {@link AppMessage} that synchronous handlers push to, and the
 * asynchronous handlers' slots. Handlers run one after the other on one thread, so one collector
 * with a "current handler" field attributes every push without an object per handler.
 *
 * <p>The deadline may pass while a handler still runs: a handler that times out loses only its
 * own keys. {@link #close} then freezes what is here for the answer, from another thread: the
 * answer uses the log up to the last handler that returned ({@link #committed}), whatever the
 * running handler pushes later is ignored, and {@link #begin} refuses the handlers after it.
 *
 * <p>One word, {@link #state}, holds the committed size and the "running" and "closed" bits, so
 * each handler's start and end is one compare-and-set and a push takes no lock: pushes only write
 * past the committed size, which the answer never reads. Growing the log's arrays is the one step
 * under this object's lock, shared with {@link #close}, so the answer reads arrays that no longer change.
 */
final class SyncCollector implements AppMessage {

    private static final AtomicIntegerFieldUpdater<SyncCollector> STATE =
            AtomicIntegerFieldUpdater.newUpdater(SyncCollector.class, "state");
    private static final int CLOSED = 1;
    private static final int RUNNING = 2;
    private static final int SIZE_SHIFT = 2;

    final PushLog log;
    /** Pushes whose key breaks the key rule, dropped, with their handler's position; null until one; read after {@link #close}. */
    PushLog rejected;
    private final int handlerCount;
    private AsyncSlot[] asyncSlots; // only for polls with asynchronous handlers
    /** The position of the handler begun last; written before the compare-and-set that starts it. */
    private int current = -1;
    /** The committed size of the log (shifted), {@link #RUNNING} while a handler runs, {@link #CLOSED} once frozen. */
    private volatile int state;

    SyncCollector(int handlerCount) {
        this.handlerCount = handlerCount;
        // room for a push per handler and a few more, so that a typical poll never grows the log
        this.log = new PushLog(handlerCount + 4);
    }

    /**
     * Handler {@code position} starts (with its slot when asynchronous); false once the poll
     * answered: the handler must not run.
     */
    boolean begin(int position, AsyncSlot slot) {
        int s = state;
        if ((s & CLOSED) != 0) {
            return false;
        }
        current = position;
        if (slot != null) {
            if (asyncSlots == null) {
                asyncSlots = new AsyncSlot[handlerCount];
            }
            asyncSlots[position] = slot;
        }
        return STATE.compareAndSet(this, s, s | RUNNING); // fails only when closed meanwhile
    }

    /** The running handler returned; a value handler's result is pushed under its key. */
    void returned(String key, Object value) {
        int s = state;
        if ((s & CLOSED) != 0) {
            return; // too late: the poll answered without this handler
        }
        if (key != null) {
            add(key, value);
        }
        STATE.compareAndSet(this, s, log.size << SIZE_SHIFT); // fails only when closed meanwhile: then it never counted
    }

    /** The running handler failed: its pushes are taken back. */
    void failed() {
        int s = state;
        if ((s & CLOSED) != 0) {
            return;
        }
        log.truncate(s >>> SIZE_SHIFT); // only past the committed size, which the answer never reads
        STATE.compareAndSet(this, s, s & ~RUNNING);
    }

    /**
     * Freezes the phase for the answer. Returns the position of a handler still running (its
     * pushes left out), or -1 when none is.
     */
    synchronized int close() {
        while (true) {
            int s = state;
            if ((s & CLOSED) != 0) {
                return -1;
            }
            if (STATE.compareAndSet(this, s, s | CLOSED)) {
                return (s & RUNNING) != 0 ? current : -1;
            }
        }
    }

    /** How many entries of {@link #log} the answer uses: those of the handlers that returned before {@link #close}. */
    int committed() {
        return state >>> SIZE_SHIFT;
    }

    /**
     * The position of the handler running now, or -1; read from another thread (the watchdog of
     * non-blocking handlers), so it may be a moment stale.
     */
    int runningPosition() {
        return (state & (CLOSED | RUNNING)) == RUNNING ? current : -1;
    }

    /** The asynchronous handler's slot at {@code position}, or null; read after {@link #close}. */
    AsyncSlot asyncSlot(int position) {
        return asyncSlots == null ? null : asyncSlots[position];
    }

    @Override
    public void push(String key, Object data) {
        int s = state;
        if ((s & (CLOSED | RUNNING)) != RUNNING) {
            return; // pushed after its handler returned (or after the answer): a push counts within the call only
        }
        if (!MessageKeys.isValid(key)) {
            reject(key);
            return;
        }
        add(key, data);
    }

    /** A key that breaks the key rule is dropped; the answer logs it against the handler (rare: under the lock). */
    private synchronized void reject(String key) {
        if ((state & CLOSED) != 0) {
            return;
        }
        if (rejected == null) {
            rejected = new PushLog(4);
        }
        rejected.add(key, null, current);
    }

    /** Appends past the committed size; the arrays grow under the lock, never once closed. */
    private void add(String key, Object data) {
        if (log.size == log.keys.length && !growUnlessClosed()) {
            return;
        }
        log.add(key, data, current);
    }

    private synchronized boolean growUnlessClosed() {
        if ((state & CLOSED) != 0) {
            return false;
        }
        log.grow();
        return true;
    }
}

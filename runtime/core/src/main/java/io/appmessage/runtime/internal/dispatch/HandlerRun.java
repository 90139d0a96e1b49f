package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.internal.json.DataEntries;
import io.appmessage.runtime.internal.json.EnvelopeFields;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import io.appmessage.spi.HandlerDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The handler phase of one poll and its answer: runs the synchronous handlers in order and starts
 * the asynchronous ones, then answers once, whichever comes first of "every handler settled" and
 * "the deadline passed" (the deadline counts from the first handler, so a hold before does not eat
 * it). No thread waits: the last asynchronous completion or the deadline timer finishes the poll.
 * Answering assembles the data in handler order, runs the extensions' {@code afterHandlers},
 * writes the envelope, reports what was dropped and hands the answer on.
 *
 * <p>{@link Poll} extends this class, so a poll is one object on the heap (the poll path counts
 * its bytes); the four methods at the end are what the poll provides for the answer.
 */
abstract class HandlerRun {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerRun.class);
    private static final AtomicIntegerFieldUpdater<HandlerRun> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(HandlerRun.class, "pending");

    final PollEngine engine;
    final AppMessageRequest request;
    final Executor worker;
    private HandlerSlot[] handlers;
    private SyncCollector collector;
    /** Only with an observer: each handler's timing and outcome, for {@code handlerFinished}. */
    private HandlerOutcomes outcomes;
    /** Starts at 1 for the synchronous phase; +1 per asynchronous handler; the poll finishes at 0. */
    private volatile int pending = 1;

    HandlerRun(PollEngine engine, AppMessageRequest request, Executor worker) {
        this.engine = engine;
        this.request = request;
        this.worker = worker;
    }

    /** True once, for whoever answers this poll first. */
    abstract boolean markAnswered();

    /** Runs the extensions' {@code afterHandlers}. */
    abstract void runAfterHandlers();

    /** The fields the extensions set for after {@code data}. */
    abstract EnvelopeFields envelopeFields();

    /** Hands the poll's one answer on. */
    abstract void answer(PollResponse response);

    /** Starts the deadline: {@link #deadlinePassed} follows unless {@link #cancelDeadline} comes first. */
    abstract void armDeadline();

    /** Stops the deadline (the poll answered first). */
    abstract void cancelDeadline();

    /**
     * The synchronous handler running now, or null: read from another thread, without a lock, by
     * the watchdog of non-blocking handlers (a stale answer only delays its line by one check).
     */
    final HandlerSlot runningHandler() {
        SyncCollector running = collector;
        HandlerSlot[] slots = handlers;
        int position = running == null ? -1 : running.runningPosition();
        return slots == null || position < 0 || position >= slots.length ? null : slots[position];
    }

    /** Runs the handler phase; the poll is answered when it settles or at the deadline. */
    final void runHandlers() {
        handlers = engine.plugins.active(); // switched-off plugins stop from the next poll
        collector = new SyncCollector(handlers.length);
        outcomes = engine.observer == null ? null : new HandlerOutcomes(handlers.length);
        // armed before the synchronous handlers, since one of them may block too
        armDeadline();
        for (int i = 0; i < handlers.length; i++) {
            HandlerSlot handler = handlers[i];
            boolean started = handler.kind == HandlerDescriptor.Kind.ASYNC ? startAsync(handler, i) : runSync(handler, i);
            if (!started) {
                break; // the deadline passed while an earlier handler ran: the poll has answered
            }
        }
        if (PENDING.decrementAndGet(this) == 0) {
            finish();
        }
    }

    /** The deadline timer fired: answer now with what is there, on a worker (not the timer's one thread). */
    final void deadlinePassed() {
        try {
            worker.execute(this::finish);
        } catch (RuntimeException refused) { // a worker pool that refuses (shut down): answer from here
            finish();
        }
    }

    private boolean runSync(HandlerSlot handler, int position) {
        if (!collector.begin(position, null)) {
            return false;
        }
        if (outcomes != null) {
            outcomes.started(position);
        }
        try {
            Object result = handler.call.call(request, collector);
            boolean pushValue = handler.kind == HandlerDescriptor.Kind.VALUE && result != null;
            collector.returned(pushValue ? handler.key : null, result);
            if (outcomes != null) {
                outcomes.ended(position, false);
            }
        } catch (Throwable e) {
            if (EnvelopeWriter.isFatal(e)) {
                throw (Error) e; // the JVM's trouble, not this handler's; a StackOverflowError is the handler's own
            }
            collector.failed(); // a failing handler loses its own pushes only
            if (outcomes != null) {
                outcomes.ended(position, true);
            }
            engine.faults.threw(handler, e);
        }
        return true;
    }

    private boolean startAsync(HandlerSlot handler, int position) {
        AsyncSlot slot = new AsyncSlot(this, engine.faults, handler, position);
        if (!collector.begin(position, slot)) {
            return false;
        }
        if (outcomes != null) {
            outcomes.started(position);
        }
        PENDING.incrementAndGet(this);
        Object result;
        try {
            result = handler.call.call(request, slot);
            collector.returned(null, null);
        } catch (Throwable e) {
            if (EnvelopeWriter.isFatal(e)) {
                throw (Error) e;
            }
            collector.failed();
            slot.accept(null, e);
            return true;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete(slot);
        } else {
            slot.accept(null, new IllegalStateException("an asynchronous handler returned "
                    + (result == null ? "null" : result.getClass().getName()) + " instead of a CompletionStage"));
        }
        return true;
    }

    /** An asynchronous handler settled; the last one finishes the poll (on a worker, not the completing thread). */
    void asyncSettled() {
        if (PENDING.decrementAndGet(this) == 0) {
            worker.execute(this::finish);
        }
    }

    /** Answers with the data gathered so far; runs once, whichever of "all settled" and "deadline" comes first. */
    private void finish() {
        if (!markAnswered()) {
            return;
        }
        cancelDeadline();
        PollResponse response = engine.answers.internalError;
        try {
            int stillRunning = collector.close(); // from now on no handler changes this answer
            if (stillRunning >= 0 && handlers[stillRunning].kind != HandlerDescriptor.Kind.ASYNC) {
                engine.faults.syncTimedOut(handlers[stillRunning], engine.deadlineMillis);
                if (outcomes != null) {
                    outcomes.timedOut(stillRunning);
                }
            }
            DataEntries entries = assemble();
            reportMalformedKeys(collector.rejected);
            runAfterHandlers();
            byte[] body = engine.envelopes.success(entries, envelopeFields());
            reportDropped(entries);
            response = new PollResponse(200, body, 0);
        } catch (RuntimeException | Error e) {
            LOG.error("answering a poll failed", e); // a bug in the runtime or an extension: 500
            if (EnvelopeWriter.isFatal(e)) {
                throw e; // still answered (and the permit returned) by the finally below
            }
        } finally {
            if (outcomes != null) {
                outcomes.report(handlers, engine.observer);
            }
            answer(response); // every poll is answered and gives its permit back, whatever happened above
        }
    }

    /**
     * The data object: every handler's pushes in handler order (an asynchronous handler's part sits
     * at its place in the order, whenever it completed), each key once at its first position, the
     * last push of a key winning.
     */
    private DataEntries assemble() {
        PushLog sync = collector.log;
        DataEntries entries = new DataEntries(sync.size + 4);
        int next = 0;
        for (int position = 0; position < handlers.length; position++) {
            while (next < sync.size && sync.owners[next] == position) {
                put(entries, sync.keys[next], sync.values[next], handlers[position]);
                next++;
            }
            AsyncSlot slot = collector.asyncSlot(position);
            if (slot != null) {
                if (slot.closeForAnswer()) {
                    PushLog pushes = slot.pushes();
                    if (pushes != null) {
                        for (int i = 0; i < pushes.size; i++) {
                            put(entries, pushes.keys[i], pushes.values[i], slot.handler);
                        }
                    }
                    if (!slot.handler.key.isEmpty() && slot.value() != null) {
                        put(entries, slot.handler.key, slot.value(), slot.handler);
                    }
                    reportMalformedKeys(slot.rejected());
                    if (outcomes != null) {
                        outcomes.asyncEnded(position, slot.settledAtNanos(), false);
                    }
                } else if (!slot.isDone()) {
                    engine.faults.timedOut(slot.handler, engine.deadlineMillis);
                    if (outcomes != null) {
                        outcomes.timedOut(position);
                    }
                } else if (outcomes != null) {
                    outcomes.asyncEnded(position, slot.settledAtNanos(), true);
                }
            }
        }
        return entries;
    }

    private static void put(DataEntries entries, String key, Object value, HandlerSlot producer) {
        int index = entries.indexOf(key);
        if (index < 0) {
            entries.add(key, value, producer.id);
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("key '{}' pushed by {} is overwritten by {}", key, entries.producer(index), producer.id);
        }
        entries.replace(index, value, producer.id);
    }

    /** Keys that break the key rule were never pushed: each is logged against its handler. */
    private void reportMalformedKeys(PushLog rejected) {
        if (rejected == null) {
            return;
        }
        for (int i = 0; i < rejected.size; i++) {
            HandlerSlot handler = handlers[rejected.owners[i]];
            engine.faults.malformedKey(handler, rejected.keys[i]);
            if (outcomes != null) {
                outcomes.unwritable(rejected.owners[i]);
            }
        }
    }

    /** Values the envelope writer could not write were left out: each is logged against its handler. */
    private void reportDropped(DataEntries entries) {
        for (int d = 0; d < entries.droppedCount(); d++) {
            int index = entries.droppedIndex(d);
            int position = positionOf(entries.producer(index));
            HandlerSlot handler = position < 0 ? null : handlers[position];
            engine.faults.unwritable(handler, entries.key(index), entries.value(index), entries.droppedCause(d));
            if (outcomes != null && position >= 0) {
                outcomes.unwritable(position);
            }
        }
    }

    private int positionOf(String id) {
        for (int i = 0; i < handlers.length; i++) {
            if (handlers[i].id.equals(id)) {
                return i;
            }
        }
        return -1;
    }
}

package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.internal.json.DataEntries;
import io.appmessage.runtime.internal.json.EnvelopeFields;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import io.appmessage.AppMessage;
import io.appmessage.runtime.internal.shared.PollLog;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The handler phase of one poll and its answer: runs the synchronous handlers in order and starts
 * the asynchronous ones, through the generated {@code HandlerDispatch} of each segment of the
 * {@link DispatchPlan} (this object is the {@link HandlerSteps} the generated code calls around each
 * handler), then answers once, whichever comes first of "every handler settled" and
 * "the deadline passed" (the deadline counts from the first handler, so a hold before does not eat
 * it). No thread waits: the last asynchronous completion or the deadline timer finishes the poll.
 * Answering has {@link AnswerData} assemble the data in handler order, runs the extensions'
 * {@code afterHandlers}, writes the envelope, reports what was dropped and hands the answer on.
 *
 * <p>{@link Poll} extends this class, so a poll is one object on the heap (the poll path counts
 * its bytes); the four methods at the end are what the poll provides for the answer.
 */
abstract class HandlerRun implements HandlerSteps {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerRun.class);
    private static final AtomicIntegerFieldUpdater<HandlerRun> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(HandlerRun.class, "pending");

    final PollEngine engine;
    final AppMessageRequest request;
    final Executor worker;
    /** The poll's id in log lines and the MDC ({@link PollLog}). */
    final long pollId;
    private HandlerSlot[] handlers;
    private SyncCollector collector;
    /** The running segment's base (a handler's position is {@code base + index}) and its end index. */
    private int base;
    private int segmentEnd;
    /** The position of the handler begun last, its slot when asynchronous, and whether it is still running. */
    private int current = -1;
    private AsyncSlot currentAsync;
    private boolean running;
    /** The deadline passed while a handler ran: the handlers after it do not start. */
    private boolean stopped;
    /** Only with an observer: each handler's timing and outcome, for {@code handlerFinished}. */
    private HandlerOutcomes outcomes;
    /** Starts at 1 for the synchronous phase; +1 per asynchronous handler; the poll finishes at 0. */
    private volatile int pending = 1;

    HandlerRun(PollEngine engine, AppMessageRequest request, Executor worker, long pollId) {
        this.engine = engine;
        this.request = request;
        this.worker = worker;
        this.pollId = pollId;
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
        DispatchPlan plan = engine.plugins.plan(); // switched-off plugins stop from the next poll
        handlers = plan.slots;
        collector = new SyncCollector(handlers.length);
        outcomes = engine.observer == null ? null : new HandlerOutcomes(handlers.length);
        // armed before the synchronous handlers, since one of them may block too
        armDeadline();
        for (int s = 0; s < plan.segments() && !stopped; s++) {
            base = plan.base(s);
            segmentEnd = plan.to(s);
            plan.dispatch(s).run(plan.from(s), request, this); // calls begin/returned/threw below
        }
        PollLog.handlerDone(); // each handler's id replaced the one before; none is running now
        if (PENDING.decrementAndGet(this) == 0) {
            finish();
        }
    }

    /** The deadline timer fired: answer now with what is there, on a worker (not the timer's one thread). */
    final void deadlinePassed() {
        try {
            worker.execute(this::finishElsewhere);
        } catch (RuntimeException refused) { // a worker pool that refuses (shut down): answer from here
            finishElsewhere();
        }
    }

    /**
     * The handler at {@code index} of the running segment's dispatch starts: the collector for a synchronous
     * one, a new {@link AsyncSlot} for an asynchronous one; null past the segment's end, and once the
     * deadline passed while an earlier handler ran (the poll has answered; this and the later handlers do not run).
     */
    @Override
    public final AppMessage begin(int index) {
        if (index >= segmentEnd) {
            return null; // the segment's last handler has run; the next segment (another dispatch) goes on
        }
        int position = base + index;
        HandlerSlot handler = handlers[position];
        AsyncSlot slot = handler.kind == HandlerDescriptor.Kind.ASYNC
                ? new AsyncSlot(this, engine.faults, handler, position) : null;
        if (!collector.begin(position, slot)) {
            stopped = true;
            return null;
        }
        if (outcomes != null) {
            outcomes.started(position);
        }
        PollLog.handler(handler.id); // replaces the previous handler's id; cleared after the last one
        if (slot != null) {
            PENDING.incrementAndGet(this);
        }
        current = position;
        currentAsync = slot;
        running = true;
        return slot != null ? slot : collector;
    }

    /** The handler begun last returned: a value handler's non-null result is pushed, an async one's stage awaited. */
    @Override
    public final void returned(Object result) {
        running = false;
        HandlerSlot handler = handlers[current];
        AsyncSlot slot = currentAsync;
        if (slot == null) {
            collector.returned(handler.kind == HandlerDescriptor.Kind.VALUE && result != null ? handler.key : null,
                    result);
            if (outcomes != null) {
                outcomes.ended(current, false);
            }
            return;
        }
        collector.returned(null, null);
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete(slot);
        } else {
            slot.accept(null, new IllegalStateException("an asynchronous handler returned "
                    + (result == null ? "null" : result.getClass().getName()) + " instead of a CompletionStage"));
        }
    }

    /** The handler begun last threw: it loses its own pushes only, and the failure is logged against it. */
    @Override
    public final int threw(Throwable error) {
        if (EnvelopeWriter.isFatal(error)) {
            throw (Error) error; // the JVM's trouble, not this handler's; a StackOverflowError is the handler's own
        }
        if (!running) { // thrown by returned() above, after the handler itself returned: the runtime's, not the handler's
            if (error instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (error instanceof Error fatal) {
                throw fatal;
            }
            throw new IllegalStateException(error);
        }
        running = false;
        collector.failed();
        AsyncSlot slot = currentAsync;
        if (slot != null) {
            slot.accept(null, error);
        } else {
            if (outcomes != null) {
                outcomes.ended(current, true);
            }
            engine.faults.threw(handlers[current], error);
        }
        return current - base + 1;
    }

    /** An asynchronous handler settled; the last one finishes the poll (on a worker, not the completing thread). */
    void asyncSettled() {
        if (PENDING.decrementAndGet(this) == 0) {
            worker.execute(this::finishElsewhere);
        }
    }

    /** {@link #finish} on a thread that does not run this poll yet: its lines carry the poll's id too. */
    private void finishElsewhere() {
        String[] outer = PollLog.resume(pollId);
        try {
            finish();
        } finally {
            PollLog.back(outer);
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
            DataEntries entries = engine.data.assemble(handlers, collector, outcomes);
            engine.data.reportMalformedKeys(handlers, collector.rejected, outcomes);
            runAfterHandlers();
            byte[] body = engine.envelopes.success(entries, envelopeFields());
            engine.data.reportDropped(handlers, entries, outcomes);
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
}

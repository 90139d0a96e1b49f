package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessageRequest;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.internal.json.DataEntries;
import io.appmessage.runtime.internal.json.DroppedKeyListener;
import io.appmessage.runtime.internal.json.EnvelopeFields;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One poll, from admission to answer: a state object that completes exactly once, whichever comes
 * first of "every handler settled" and "the deadline passed". No thread waits for it: the
 * synchronous handlers run on a worker, then the poll is finished by the last asynchronous
 * completion or by the deadline timer (issue 3, item 2), and a pre-handler stage may hold it
 * with no thread at all (issue 7's long-poll, through {@link PollExtension}).
 *
 * <p>Stages: {@link #start} (extensions' {@code beforeHandlers}, which may hold) →
 * {@link #runHandlers} (synchronous handlers in order, asynchronous ones started) →
 * {@link #finish} (assemble data in handler order, extensions' {@code afterHandlers}, write).
 */
final class Poll implements PollContext, DroppedKeyListener {

    private static final Logger LOG = LoggerFactory.getLogger(Poll.class);

    final PollPipeline pipeline;
    private final AppMessageRequest request;
    private final Executor worker;
    private final PollAnswer answer;
    // three atomics as plain volatile fields with static updaters: no objects per poll
    private static final AtomicIntegerFieldUpdater<Poll> ANSWERED = AtomicIntegerFieldUpdater.newUpdater(Poll.class, "answered");
    private static final AtomicIntegerFieldUpdater<Poll> PENDING = AtomicIntegerFieldUpdater.newUpdater(Poll.class, "pending");
    private static final AtomicIntegerFieldUpdater<Poll> HOLD_STATE = AtomicIntegerFieldUpdater.newUpdater(Poll.class, "holdState");
    /** 0 until the poll is answered (or abandoned), then 1. */
    private volatile int answered;
    /** Starts at 1 for the synchronous phase; +1 per asynchronous handler; the poll finishes at 0. */
    private volatile int pending = 1;
    private volatile ScheduledFuture<?> deadlineTimer;
    private HandlerSlot[] handlers;
    private SyncCollector collector;
    private Object[] attachments;
    /** The extension running now: its attachment slot. Extensions run one at a time, in order. */
    private int currentExtension;
    private EnvelopeFields envelopeFields = EnvelopeFields.NONE;
    private final ConnectionWatch connection;
    /** {@link #NOT_HELD} → {@link #HELD} → {@link #RESUMING} (then NOT_HELD again) or {@link #GONE}. */
    private volatile int holdState = NOT_HELD;
    private static final int NOT_HELD = 0;
    private static final int HELD = 1;
    private static final int GONE = 2;
    private static final int RESUMING = 3;
    private volatile Runnable clientGoneCallbacks;

    Poll(PollPipeline pipeline, AppMessageRequest request, Executor worker, PollAnswer answer, ConnectionWatch connection) {
        this.pipeline = pipeline;
        this.request = request;
        this.worker = worker;
        this.answer = answer;
        this.connection = connection;
    }

    @Override
    public AppMessageRequest request() {
        return request;
    }

    @Override
    public Object attachment() {
        return attachments == null ? null : attachments[currentExtension];
    }

    @Override
    public void attach(Object attachment) {
        if (attachments == null) {
            attachments = new Object[pipeline.extensions.length];
        }
        attachments[currentExtension] = attachment;
    }

    @Override
    public synchronized void onClientGone(Runnable callback) {
        Runnable before = clientGoneCallbacks;
        clientGoneCallbacks = before == null ? callback : () -> {
            before.run();
            callback.run();
        };
    }

    @Override
    public void envelopeFields(EnvelopeFields fields) {
        this.envelopeFields = fields == null ? EnvelopeFields.NONE : fields;
    }

    /** Runs the pre-handler stages from extension {@code index} on; a pending stage holds the poll. */
    void start(int index) {
        PollExtension[] extensions = pipeline.extensions;
        for (int i = index; i < extensions.length; i++) {
            CompletionStage<?> hold;
            currentExtension = i;
            try {
                hold = extensions[i].beforeHandlers(this);
            } catch (BadPollRequestException e) {
                if (ANSWERED.compareAndSet(this, 0, 1)) {
                    deliver(pipeline.answers.badRequest(pipeline.envelopes, e.getMessage()));
                }
                return;
            } catch (RuntimeException e) {
                fail("a poll extension failed before the handlers", e);
                return;
            }
            if (hold != null && !hold.toCompletableFuture().isDone()) {
                int next = i + 1;
                // held polls do not count toward maxInFlight (issue 7: 10,000 held polls on a node);
                // the extension that holds bounds them (long-poll's maxHeldPolls)
                holdState = HELD;
                pipeline.release();
                connection.held(this::clientGone);
                hold.whenComplete((ignored, error) -> holdEnded(next, error));
                return;
            }
        }
        runHandlers();
    }

    /**
     * The hold ended (on the thread that ended it); unless the client went away meanwhile, the poll
     * counts as in flight again at once, then goes on once the transport stopped watching.
     */
    private void holdEnded(int next, Throwable error) {
        if (!HOLD_STATE.compareAndSet(this, HELD, RESUMING)) {
            return; // the client went away: nothing to answer, the permit was given back when held
        }
        // counted here, synchronously, not later on the IO thread: a shutdown that just released
        // every hold then waits for these answers instead of stopping the workers under them
        pipeline.reacquire();
        connection.released(() -> resume(next, error));
    }

    /** Goes on with a poll whose hold ended, on a worker. */
    private void resume(int next, Throwable error) {
        holdState = NOT_HELD;
        if (error != null) {
            fail("a poll extension's stage failed before the handlers", error);
            return;
        }
        try {
            worker.execute(() -> startGuarded(next)); // handlers never run on the thread that woke the poll
        } catch (RuntimeException e) { // a worker pool that refuses (shut down, saturated)
            fail("a held poll could not be resumed on a worker", e);
        }
    }

    /** {@link #start} for a resumed poll: whatever escapes it answers 500, as {@link PollPipeline#run} does. */
    private void startGuarded(int next) {
        try {
            start(next);
        } catch (RuntimeException | Error e) {
            fail("a poll failed outside any handler", e);
            if (EnvelopeWriter.isFatal(e)) {
                throw e;
            }
        }
    }

    /** The transport saw the client go away while held: the poll ends unanswered, holders free their part. */
    private void clientGone() {
        if (!HOLD_STATE.compareAndSet(this, HELD, GONE)) {
            return;
        }
        answered = 1;
        Runnable callbacks = clientGoneCallbacks;
        if (callbacks != null) {
            try {
                callbacks.run();
            } catch (RuntimeException e) {
                LOG.error("a poll extension failed to free an abandoned poll", e);
            }
        }
    }

    private void runHandlers() {
        // the deadline counts from here, not from arrival, so a poll held before the handlers
        // (issue 7's long-poll) still gives its handlers the full deadline; it is armed before the
        // synchronous handlers, since one of them may block too (issue 3, item 4)
        handlers = pipeline.plugins.active(); // switched-off plugins stop from the next poll
        collector = new SyncCollector(handlers.length);
        deadlineTimer = pipeline.timer.schedule(this::deadlinePassed, pipeline.deadlineNanos, TimeUnit.NANOSECONDS);
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
    private void deadlinePassed() {
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
        try {
            Object result = handler.call.call(request, collector);
            boolean pushValue = handler.kind == HandlerDescriptor.Kind.VALUE && result != null;
            collector.returned(pushValue ? handler.key : null, result);
        } catch (Throwable e) {
            if (EnvelopeWriter.isFatal(e)) {
                throw (Error) e; // the JVM's trouble, not this handler's; a StackOverflowError is the handler's own
            }
            collector.failed(); // a failing handler loses its own pushes only (issue 3, item 4)
            pipeline.faults.threw(handler, e);
        }
        return true;
    }

    private boolean startAsync(HandlerSlot handler, int position) {
        AsyncSlot slot = new AsyncSlot(this, handler, position);
        if (!collector.begin(position, slot)) {
            return false;
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
        if (!ANSWERED.compareAndSet(this, 0, 1)) {
            return;
        }
        ScheduledFuture<?> timer = deadlineTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        PollResponse response = pipeline.answers.internalError;
        try {
            int stillRunning = collector.close(); // from now on no handler changes this answer
            if (stillRunning >= 0 && handlers[stillRunning].kind != HandlerDescriptor.Kind.ASYNC) {
                pipeline.faults.syncTimedOut(handlers[stillRunning], pipeline.deadlineMillis);
            }
            DataEntries entries = assemble();
            PollExtension[] extensions = pipeline.extensions;
            for (int i = 0; i < extensions.length; i++) {
                currentExtension = i;
                extensions[i].afterHandlers(this);
            }
            response = new PollResponse(200, pipeline.envelopes.success(entries, envelopeFields, this), 0);
        } catch (RuntimeException | Error e) {
            LOG.error("answering a poll failed", e); // a bug in the runtime or an extension: 500
            if (EnvelopeWriter.isFatal(e)) {
                throw e; // still answered (and the permit returned) by the finally below
            }
        } finally {
            deliver(response); // every poll is answered and gives its permit back, whatever happened above
        }
    }

    /**
     * The data object: every handler's pushes in handler order (an asynchronous handler's part sits
     * at its place in the order, whenever it completed), each key once at its first position, the
     * last push of a key winning, as in the seed.
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
                } else if (!slot.isDone()) {
                    pipeline.faults.timedOut(slot.handler, pipeline.deadlineMillis);
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

    /** A value could not be written: the key is left out and the fault logged against its handler. */
    @Override
    public void dropped(String key, String producer, Object value, Throwable cause) {
        pipeline.faults.unwritable(handlerById(producer), key, value, cause);
    }

    private HandlerSlot handlerById(String id) {
        for (HandlerSlot h : handlers) {
            if (h.id.equals(id)) {
                return h;
            }
        }
        return null;
    }

    /** Answers with an error before any handler ran (or when an extension failed). */
    void fail(String what, Throwable error) {
        if (ANSWERED.compareAndSet(this, 0, 1)) {
            LOG.error(what, error);
            deliver(pipeline.answers.internalError);
        }
    }

    private void deliver(PollResponse response) {
        // the permit first (a client that polls again as soon as it has this answer must find it
        // free), yet counted until the answer is handed over, so a graceful close waits for it
        pipeline.releaseAndAnswer(answer, response);
    }
}

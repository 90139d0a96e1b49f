package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.internal.json.EnvelopeFields;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import io.appmessage.runtime.internal.shared.PollLog;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.spi.PollObserver.HoldEnd;
import io.appmessage.runtime.spi.PollObserver.PollMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One admitted poll, answered exactly once: runs the extensions' {@code beforeHandlers} in order,
 * any of which may hold the poll with no thread (long-poll), then hands over to a
 * {@link HandlerRun} (its base class: one object per poll), which answers through {@link #answer}. The hold is a small state machine:
 * {@link #NOT_HELD} → {@link #HELD} → {@link #RESUMING} (then NOT_HELD again), or {@link #GONE}
 * when the client went away while held (the poll then ends unanswered).
 */
final class Poll extends HandlerRun implements PollContext {

    private static final Logger LOG = LoggerFactory.getLogger(Poll.class);

    private static final AtomicIntegerFieldUpdater<Poll> ANSWERED = AtomicIntegerFieldUpdater.newUpdater(Poll.class, "answered");
    private static final AtomicIntegerFieldUpdater<Poll> HOLD_STATE = AtomicIntegerFieldUpdater.newUpdater(Poll.class, "holdState");
    private static final int NOT_HELD = 0;
    private static final int HELD = 1;
    private static final int GONE = 2;
    private static final int RESUMING = 3;

    private final PollAnswer answer;
    private final ConnectionWatch connection;
    /** When the poll was admitted, for the observer (0 without one). */
    private final long admittedAt;
    /** 0 until the poll is answered (or abandoned), then 1. */
    private volatile int answered;
    private volatile int holdState = NOT_HELD;
    private volatile Runnable clientGoneCallbacks;
    private long heldAt;
    private Object[] attachments;
    /** The extension running now: its attachment slot. Extensions run one at a time, in order. */
    private int currentExtension;
    private EnvelopeFields envelopeFields = EnvelopeFields.NONE;
    private PollMode mode = PollMode.POLL;
    private int messagesDelivered;
    /** True when the handlers run on an I/O thread (all non-blocking), under the watchdog's eye. */
    private final boolean watched;
    /** This poll as a node of {@link PollDeadlines}: guarded by the stripe's lock. */
    long deadlineAt;
    PollDeadlines.Stripe deadlineStripe;
    Poll deadlinePrevious;
    Poll deadlineNext;

    Poll(PollEngine engine, AppMessageRequest request, Executor worker, PollAnswer answer, ConnectionWatch connection,
         long admittedAt, long pollId, boolean watched) {
        super(engine, request, worker, pollId);
        this.answer = answer;
        this.connection = connection;
        this.admittedAt = admittedAt;
        this.watched = watched;
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
            attachments = new Object[engine.extensions.length];
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

    @Override
    public void longPoll() {
        mode = PollMode.LONG_POLL;
    }

    @Override
    public void messagesDelivered(int count) {
        messagesDelivered = count;
    }

    @Override
    EnvelopeFields envelopeFields() {
        return envelopeFields;
    }

    /** Runs the pre-handler stages from extension {@code index} on; a pending stage holds the poll. */
    void start(int index) {
        PollExtension[] extensions = engine.extensions;
        for (int i = index; i < extensions.length; i++) {
            CompletionStage<?> hold;
            currentExtension = i;
            try {
                hold = extensions[i].beforeHandlers(this);
            } catch (BadPollRequestException e) {
                engine.refused(PollObserver.Refusal.BAD_REQUEST, pollId);
                if (markAnswered()) {
                    answer(engine.answers.badRequest(engine.envelopes, e.getMessage()));
                }
                return;
            } catch (RuntimeException e) {
                fail("a poll extension failed before the handlers", e);
                return;
            }
            if (hold != null && !hold.toCompletableFuture().isDone()) {
                hold(i + 1, hold);
                return;
            }
        }
        if (!watched) {
            runHandlers();
            return;
        }
        IoThreadWatchdog.Watch watch = engine.watchdog.enter(this);
        try {
            runHandlers();
        } finally {
            watch.exit();
        }
    }

    @Override
    void armDeadline() {
        engine.deadlines.arm(this);
    }

    @Override
    void cancelDeadline() {
        engine.deadlines.cancel(this);
    }

    /**
     * Holds the poll until {@code hold} completes. Held polls do not count toward the in-flight
     * limit (a node holds thousands); the extension that holds bounds them (long-poll's maxHeldPolls).
     */
    private void hold(int next, CompletionStage<?> hold) {
        holdState = HELD;
        engine.releaseHeld();
        if (engine.observer != null) {
            heldAt = System.nanoTime();
            engine.observer.holdStarted();
        }
        connection.held(this::clientGone);
        hold.whenComplete((end, error) -> holdEnded(next, end, error));
    }

    /**
     * The hold ended (on the thread that ended it); unless the client went away meanwhile, the poll
     * counts as in flight again at once, then goes on once the transport stopped watching.
     */
    private void holdEnded(int next, Object end, Throwable error) {
        if (!HOLD_STATE.compareAndSet(this, HELD, RESUMING)) {
            return; // the client went away: nothing to answer, the permit was given back when held
        }
        if (engine.observer != null) {
            engine.observer.holdEnded(end instanceof HoldEnd reason ? reason : HoldEnd.WOKEN, System.nanoTime() - heldAt);
        }
        // counted here, synchronously, not later on the I/O thread: a shutdown that just released
        // every hold then waits for these answers instead of stopping the workers under them
        engine.reacquire();
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
            // handlers never run on the thread that woke the poll: on a worker, or back on the
            // poll's I/O thread when they are all non-blocking
            worker.execute(() -> startGuarded(next));
        } catch (RejectedExecutionException closing) {
            // the worker pool refuses only once it is shut down: the server is closing, so the client is told
            // to come back (503 with Retry-After), as a poll arriving now would be; nothing failed
            if (markAnswered()) {
                LOG.debug("poll {}: a held poll ended while the workers stop; answered 'shutting down'", PollLog.text(pollId));
                answer(engine.answers.shuttingDown);
            }
        } catch (RuntimeException e) {
            fail("a held poll could not be resumed on a worker", e);
        }
    }

    /** {@link #start} for a resumed poll: whatever escapes it answers 500, as {@link PollEngine#run} does. */
    private void startGuarded(int next) {
        String[] outer = PollLog.resume(pollId);
        try {
            start(next);
        } catch (RuntimeException | Error e) {
            fail("a poll failed outside any handler", e);
            if (EnvelopeWriter.isFatal(e)) {
                throw e;
            }
        } finally {
            PollLog.back(outer);
        }
    }

    /** The transport saw the client go away while held: the poll ends unanswered, holders free their part. */
    private void clientGone() {
        if (!HOLD_STATE.compareAndSet(this, HELD, GONE)) {
            return;
        }
        answered = 1;
        if (engine.observer != null) {
            engine.observer.holdEnded(HoldEnd.CLIENT_GONE, System.nanoTime() - heldAt);
        }
        Runnable callbacks = clientGoneCallbacks;
        if (callbacks != null) {
            try {
                callbacks.run();
            } catch (RuntimeException e) {
                LOG.error("a poll extension failed to free an abandoned poll", e);
            }
        }
    }

    /** Runs the extensions' {@code afterHandlers}, in order, before the envelope is written. */
    @Override
    void runAfterHandlers() {
        PollExtension[] extensions = engine.extensions;
        for (int i = 0; i < extensions.length; i++) {
            currentExtension = i;
            extensions[i].afterHandlers(this);
        }
    }

    @Override
    boolean markAnswered() {
        return ANSWERED.compareAndSet(this, 0, 1);
    }

    /** Answers with an error before any handler ran (or when an extension failed). */
    void fail(String what, Throwable error) {
        if (markAnswered()) {
            LOG.error(what, error);
            answer(engine.answers.internalError);
        }
    }

    /** The poll's one answer, to the engine (which gives the permit back and hands it to the transport). */
    @Override
    void answer(PollResponse response) {
        if (response.status() >= 500) {
            PollLog.failed(pollId, response.status());
        }
        engine.answer(answer, response, engine.observer == null ? null : request.userId().orElse(null), mode,
                admittedAt, messagesDelivered);
    }
}

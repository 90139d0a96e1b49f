package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import io.appmessage.runtime.internal.shared.PollLog;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.spi.PollObserver.PollMode;
import io.appmessage.runtime.spi.PollObserver.Refusal;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one poll engine every transport calls (the Undertow handler, {@code AppMessageDispatcher}
 * for Servlet and Spring, any later one): the rules of admission (method, closing, in-flight
 * limit), reading the request, running a {@link Poll} and handing its one answer back. A
 * transport only translates its request into a method, a raw query, a header lookup and a
 * {@link ConnectionWatch}, and the {@link PollResponse} into its answer. Built once at start.
 *
 * <pre>{@code
 * PollResponse refused = engine.admit(method);
 * if (refused != null) { send(refused); return; }
 * worker.execute(() -> engine.run(rawQuery, headers::getFirst, receivedAt, worker, this::send, watch));
 * }</pre>
 *
 * <p>A poll flows one way: admitted here, read by {@link PollRequestReader}, run by {@link Poll}
 * (holding, then {@link HandlerRun} for the handlers), answered through {@link #answer}.
 */
public final class PollEngine {

    final PluginSwitch plugins;
    final EnvelopeWriter envelopes;
    final Answers answers;
    final FaultReporter faults;
    /** Assembles each answer's data from its handler phase. */
    final AnswerData data;
    final PollDeadlines deadlines;
    /** Null when the watchdog of non-blocking handlers is off. */
    final IoThreadWatchdog watchdog;
    final long deadlineNanos;
    final long deadlineMillis;
    final PollExtension[] extensions;
    /** Null when no observer is set: then nothing on the poll path calls or allocates for one. */
    final PollObserver observer;
    private final PollRequestReader reader;
    private final InFlightLimiter limiter;
    private final IoThreadRule ioThreadRule;
    private volatile boolean closing;

    public PollEngine(PluginSwitch plugins, Authenticator authenticator, EnvelopeWriter envelopes, Answers answers,
                      ScheduledExecutorService timer, long deadlineMillis, int maxInFlight, int maxParameters,
                      List<PollExtension> extensions, PollObserver observer, long watchdogThresholdNanos,
                      long watchdogLogIntervalNanos) {
        this.plugins = plugins;
        this.envelopes = envelopes;
        this.answers = answers;
        this.deadlineMillis = deadlineMillis;
        this.deadlineNanos = deadlineMillis * 1_000_000L;
        this.deadlines = PollDeadlines.start(timer, deadlineNanos);
        this.watchdog = watchdogThresholdNanos > 0
                ? IoThreadWatchdog.start(timer, watchdogThresholdNanos, watchdogLogIntervalNanos) : null;
        this.limiter = new InFlightLimiter(maxInFlight);
        this.reader = new PollRequestReader(authenticator, maxParameters, answers, envelopes);
        this.extensions = extensions.toArray(new PollExtension[0]);
        this.observer = observer;
        this.faults = new FaultReporter(observer);
        this.data = new AnswerData(faults, deadlineMillis);
        this.ioThreadRule = new IoThreadRule(authenticator, this.extensions);
    }

    /** True for the methods a poll may use: GET and POST. */
    public static boolean isPollMethod(String method) {
        return "GET".equals(method) || "POST".equals(method);
    }

    /**
     * Admits a new poll: 405 for a method other than GET and POST, 503 while closing or at the
     * in-flight limit. Returns {@code null} when admitted (then {@link #run} must follow, or
     * {@link #release}), else the answer to send.
     */
    public PollResponse admit(String method) {
        if (!isPollMethod(method)) {
            refused(Refusal.METHOD_NOT_ALLOWED);
            return answers.methodNotAllowed;
        }
        if (closing) {
            refused(Refusal.CLOSING);
            return answers.shuttingDown;
        }
        if (!limiter.tryAcquire()) {
            refused(Refusal.OVERLOADED);
            return answers.busy;
        }
        if (observer != null) {
            observer.pollAdmitted();
        }
        return null;
    }

    /** A transport answered a request itself before admission (413 body, 408, a broken body): heard as a refusal. */
    public void refused(Refusal reason) {
        refused(reason, 0);
    }

    /** A refusal of poll {@code pollId} (0: refused before it got an id): heard and logged. */
    void refused(Refusal reason, long pollId) {
        PollLog.refused(pollId, reason);
        if (observer != null) {
            observer.pollRefused(reason);
        }
    }

    /** Gives back a permit taken by {@link #admit} when the poll ends before {@link #run}. */
    public void release() {
        limiter.release();
    }

    /**
     * Runs an admitted poll on the calling thread (a worker, never an I/O thread: handlers and the
     * authenticator may block). The answer is sent exactly once, maybe later and from another
     * thread; a poll whose client went away while held is never answered.
     *
     * @param worker     where work resumes after an asynchronous wait (the server's worker pool)
     * @param connection watches the client while the poll is held ({@link ConnectionWatch#NONE}: nothing)
     */
    public void run(String rawQuery, HeaderLookup headers, long receivedAtMillis, Executor worker, PollAnswer answer,
                    ConnectionWatch connection) {
        run(rawQuery, headers, receivedAtMillis, worker, answer, connection, false);
    }

    /**
     * True when this poll may run right where it arrived, on the transport's I/O thread, with no
     * hop to a worker: every handler that would run is declared non-blocking, the poll calls no
     * authenticator (it carries no token, or the app set none) and every extension stays off
     * blocking work for it. Cheap: no parsing, one cached look at the handler array.
     */
    public boolean runsOnIoThread(String rawQuery, HeaderLookup headers) {
        return ioThreadRule.allows(plugins.active(), rawQuery, headers);
    }

    /**
     * {@link #run} on the I/O thread the poll arrived on, after {@link #runsOnIoThread} said yes:
     * {@code ioThread} is where work resumes (the same thread), and the watchdog of non-blocking
     * handlers watches the handlers.
     */
    public void runOnIoThread(String rawQuery, HeaderLookup headers, long receivedAtMillis, Executor ioThread,
                              PollAnswer answer, ConnectionWatch connection) {
        run(rawQuery, headers, receivedAtMillis, ioThread, answer, connection, true);
    }

    private void run(String rawQuery, HeaderLookup headers, long receivedAtMillis, Executor worker, PollAnswer answer,
                     ConnectionWatch connection, boolean onIoThread) {
        long admittedAt = observer == null ? 0 : System.nanoTime();
        long pollId = PollLog.newId();
        PollLog.enter(pollId); // in the MDC while this thread runs the poll
        try {
            PollRequestView request;
            try {
                request = reader.read(rawQuery, headers, receivedAtMillis);
            } catch (PollRequestReader.Refused refused) {
                if (refused.reason != null) {
                    refused(refused.reason, pollId);
                } else {
                    PollLog.failed(pollId, refused.answer.status());
                }
                answer(answer, refused.answer, null, PollMode.POLL, admittedAt, 0);
                return;
            }
            Poll poll = new Poll(this, request, worker, answer, connection, admittedAt, pollId, onIoThread && watchdog != null);
            try {
                poll.start(0);
            } catch (RuntimeException | Error e) {
                poll.fail("a poll failed outside any handler", e);
            }
        } finally {
            PollLog.exit();
        }
    }

    /**
     * The last step of every admitted poll: gives its permit back and hands its answer to the
     * transport, the answer still counted for {@link #awaitIdle} until the transport took it (a
     * graceful close must not stop the transport between the two steps), and tells the observer.
     */
    void answer(PollAnswer answer, PollResponse response, String userId, PollMode mode, long admittedAt,
                int messagesDelivered) {
        limiter.releaseAndHandOver(answer, response);
        if (observer != null) {
            observer.pollAnswered(userId, mode, response.status(), System.nanoTime() - admittedAt,
                    response.body().length, messagesDelivered);
        }
    }

    /** A held poll answers now: counted in flight again, past the limit (it was admitted before). */
    void reacquire() {
        limiter.acquireUnchecked();
    }

    /** Gives a held poll's permit back: held polls do not count toward the in-flight limit. */
    void releaseHeld() {
        limiter.release();
    }

    /** Refuses new polls from now on (503), letting the ones in flight finish. */
    public void beginClose() {
        closing = true;
    }

    public boolean closing() {
        return closing;
    }

    /**
     * Waits up to {@code millis} for in-flight polls to be answered, that is their answers handed
     * to the {@link PollAnswer} (which may still be writing them); true when none is left.
     */
    public boolean awaitIdle(long millis) throws InterruptedException {
        return limiter.awaitIdle(millis);
    }

    public int inFlight() {
        return limiter.inFlight();
    }

    public PluginSwitch plugins() {
        return plugins;
    }

    public Answers answers() {
        return answers;
    }
}

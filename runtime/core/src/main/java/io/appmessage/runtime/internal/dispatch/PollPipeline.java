package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.InvalidTokenException;
import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The framework-neutral poll pipeline, built once at start and shared by every poll: admission
 * (in-flight limit, shutdown), query parsing, identity, then a {@link Poll} runs the extensions and
 * handlers and answers. HTTP adapters (Undertow, a Servlet) only translate requests and answers.
 *
 * <pre>{@code
 * PollResponse refused = pipeline.admit();
 * if (refused != null) { send(refused); return; }
 * pipeline.run(rawQuery, headers::getFirst, System.currentTimeMillis(), worker, this::send);
 * }</pre>
 */
public final class PollPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(PollPipeline.class);

    /** The header that carries the access token (DESIGN.md, "Wire protocol"). */
    public static final String TOKEN_HEADER = "X-Access-Token";
    /** The query parameter that carries the access token when the header is absent. */
    public static final String TOKEN_PARAMETER = "access_token";

    final PluginSwitch plugins;
    final EnvelopeWriter envelopes;
    final Answers answers;
    final FaultReporter faults = new FaultReporter();
    final ScheduledExecutorService timer;
    final long deadlineNanos;
    final long deadlineMillis;
    final PollExtension[] extensions;
    private final Authenticator authenticator;
    private final InFlightLimiter limiter;
    private final int maxParameters;
    private volatile boolean closing;

    public PollPipeline(PluginSwitch plugins, Authenticator authenticator, EnvelopeWriter envelopes, Answers answers,
                        ScheduledExecutorService timer, long deadlineMillis, int maxInFlight, int maxParameters,
                        List<PollExtension> extensions) {
        this.plugins = plugins;
        this.authenticator = authenticator;
        this.envelopes = envelopes;
        this.answers = answers;
        this.timer = timer;
        this.deadlineMillis = deadlineMillis;
        this.deadlineNanos = deadlineMillis * 1_000_000L;
        this.limiter = new InFlightLimiter(maxInFlight);
        this.maxParameters = maxParameters;
        this.extensions = extensions.toArray(new PollExtension[0]);
    }

    /**
     * Takes an in-flight permit for a new poll. Returns {@code null} when admitted (then
     * {@link #run} must follow, or {@link #release}), else the 503 answer to send.
     */
    public PollResponse admit() {
        if (closing) {
            return answers.shuttingDown;
        }
        if (!limiter.tryAcquire()) {
            return answers.busy;
        }
        return null;
    }

    /** Gives back a permit taken by {@link #admit()} when the poll ends before {@link #run}. */
    public void release() {
        limiter.release();
    }

    /**
     * Gives the poll's permit back and sends its answer, the answer still counted for
     * {@link #awaitIdle} until the transport took it: a graceful close must not stop the transport
     * between the two steps (the answer would be lost and the connection closed under it).
     */
    void releaseAndAnswer(PollAnswer answer, PollResponse response) {
        limiter.releaseAndHandOver(() -> answer.send(response));
    }

    /** A held poll answers now: counted in flight again, past the limit (it was admitted before). */
    void reacquire() {
        limiter.acquireUnchecked();
    }

    /**
     * Runs an admitted poll on the calling thread (a worker, never an IO thread: handlers and the
     * authenticator may block). The answer is sent exactly once, maybe later and from another thread.
     *
     * @param worker where work resumes after an asynchronous wait (the server's worker pool)
     */
    public void run(String rawQuery, HeaderLookup headers, long receivedAtMillis, Executor worker, PollAnswer answer) {
        run(rawQuery, headers, receivedAtMillis, worker, answer, ConnectionWatch.NONE);
    }

    /**
     * {@link #run(String, HeaderLookup, long, Executor, PollAnswer)} with a transport that watches the
     * client's connection while the poll is held, so an abandoned hold is freed at once (issue 7).
     * A poll whose client went away is never answered ({@code answer} is not called).
     */
    public void run(String rawQuery, HeaderLookup headers, long receivedAtMillis, Executor worker, PollAnswer answer,
                    ConnectionWatch connection) {
        Map<String, List<String>> query;
        try {
            query = QueryString.parse(rawQuery, maxParameters);
        } catch (BadQueryException e) {
            releaseAndAnswer(answer, answers.badRequest(envelopes, e.getMessage()));
            return;
        }
        String token = headers.first(TOKEN_HEADER);
        if (token == null || token.isEmpty()) {
            List<String> values = query.get(TOKEN_PARAMETER);
            token = values == null || values.isEmpty() ? null : values.get(0);
        }
        Optional<String> userId = Optional.empty();
        Map<String, Object> attributes = Map.of();
        if (token != null && !token.isEmpty()) {
            try {
                Optional<Identity> identity = authenticator.authenticate(token);
                if (identity.isPresent()) {
                    userId = Optional.of(identity.get().userId());
                    attributes = identity.get().attributes();
                }
            } catch (InvalidTokenException e) {
                LOG.debug("token rejected: {}", e.getMessage());
                releaseAndAnswer(answer, answers.invalidToken);
                return;
            } catch (RuntimeException e) {
                LOG.error("the authenticator failed; answering 500", e);
                releaseAndAnswer(answer, answers.internalError);
                return;
            }
        }
        Poll poll = new Poll(this, new PollRequestView(userId, query, headers, attributes, receivedAtMillis),
                worker, answer, connection);
        try {
            poll.start(0);
        } catch (RuntimeException | Error e) {
            poll.fail("a poll failed outside any handler", e);
        }
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

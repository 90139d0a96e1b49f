package io.appmessage.runtime.internal.shared;

import io.appmessage.runtime.spi.PollObserver.Refusal;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * Log lines an operator can join: every poll gets an id, every refused or failed poll logs one line
 * naming it, and while a poll runs on a thread the SLF4J MDC carries {@link #POLL_KEY} (and, while a
 * handler runs, {@link #HANDLER_KEY}), so the app's own lines and the runtime's fault lines carry both
 * when the log pattern asks for them ({@code %X{appmessage.poll} %X{appmessage.handler}} in Logback).
 *
 * <pre>{@code
 * long pollId = PollLog.newId();
 * PollLog.enter(pollId);                            // the thread now works for this poll
 * try {
 *     for (each handler) { PollLog.handler(handlerId); call it; }
 *     PollLog.handlerDone();
 * } finally {
 *     PollLog.exit();                               // the thread goes back to its pool clean
 * }
 * String[] outer = PollLog.resume(pollId);          // later, on a thread that may work for another poll
 * try { go on } finally { PollLog.back(outer); }
 * }</pre>
 *
 * <p>Refusals are on DEBUG (they come in storms a client fleet drives: expired tokens, overload; the
 * {@code appmessage_refused_total} meter always counts them); a failed poll (5xx) is on WARN.
 */
public final class PollLog {

    /** The MDC key holding the poll's id while the poll runs on a thread. */
    public static final String POLL_KEY = "appmessage.poll";
    /** The MDC key holding the handler's id ({@code com.shop.OrderHandlers#status}) while it runs. */
    public static final String HANDLER_KEY = "appmessage.handler";
    /** The logger of the refused and failed poll lines. */
    public static final String LOGGER = "io.appmessage.runtime.poll";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** False when the log binding keeps no MDC (slf4j-simple, no binding): then nothing is put at all. */
    private static final boolean MDC_KEPT = !(MDC.getMDCAdapter() instanceof NOPMDCAdapter);
    /** Tells this node's ids from another node's (and from this node's before a restart). */
    private static final String NODE = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36,
            36L * 36 * 36 * 36 * 36 * 36), 36) + "-";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private PollLog() {
    }

    /**
     * A new poll id (never 0), as a number: its text ({@link #text}) is made only for a log line or the
     * MDC, so a poll that logs nothing and runs without an MDC allocates no string for it.
     */
    public static long newId() {
        return SEQUENCE.incrementAndGet();
    }

    /** The id's text: this node's random prefix and the counter ({@code k3f9a2-1b7}). */
    public static String text(long pollId) {
        return NODE.concat(Long.toString(pollId, 36));
    }

    /** The calling thread works for poll {@code pollId} from now on (until {@link #exit}). */
    public static void enter(long pollId) {
        if (MDC_KEPT) {
            MDC.put(POLL_KEY, text(pollId));
        }
    }

    /**
     * Handler {@code handlerId} runs on the calling thread from now on, until the next handler's id replaces
     * it or {@link #handlerDone} (one put per handler: the handlers of a poll run one after the other).
     */
    public static void handler(String handlerId) {
        if (MDC_KEPT) {
            MDC.put(HANDLER_KEY, handlerId);
        }
    }

    /** No handler runs on the calling thread any more. */
    public static void handlerDone() {
        if (MDC_KEPT) {
            MDC.remove(HANDLER_KEY);
        }
    }

    /** The calling thread no longer works for a poll: both keys are removed. */
    public static void exit() {
        if (MDC_KEPT) {
            MDC.remove(HANDLER_KEY);
            MDC.remove(POLL_KEY);
        }
    }

    /**
     * {@link #enter} for a poll that goes on on a thread that may be working for another one (a held poll
     * woken from a handler's send, an answer finished where a stage completed): returns what the thread
     * had, for {@link #back}, or {@code null} when it had nothing.
     */
    public static String[] resume(long pollId) {
        if (!MDC_KEPT) {
            return null;
        }
        String outerPoll = MDC.get(POLL_KEY);
        String[] outer = null;
        if (outerPoll != null) {
            outer = new String[] {outerPoll, MDC.get(HANDLER_KEY)};
            MDC.remove(HANDLER_KEY);
        }
        MDC.put(POLL_KEY, text(pollId));
        return outer;
    }

    /** Ends a {@link #resume}: the thread works for what it worked for before. */
    public static void back(String[] outer) {
        if (outer == null) {
            exit();
            return;
        }
        MDC.put(POLL_KEY, outer[0]);
        if (outer[1] == null) {
            MDC.remove(HANDLER_KEY);
        } else {
            MDC.put(HANDLER_KEY, outer[1]);
        }
    }

    /**
     * A request was answered without running its handlers.
     *
     * @param pollId the poll's id, or 0 when it was refused before it got one (at admission)
     */
    public static void refused(long pollId, Refusal reason) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("poll {} refused: {}", text(pollId == 0 ? newId() : pollId), reason.name().toLowerCase(Locale.ROOT));
        }
    }

    /** An admitted poll was answered with {@code status} (5xx): the cause is the error logged before with this id. */
    public static void failed(long pollId, int status) {
        LOG.warn("poll {} failed: answered {} (the error logged before it, with this id in the MDC, says why)", text(pollId),
                status);
    }
}

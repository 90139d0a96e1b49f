package io.appmessage.runtime.internal.outbox;

import io.appmessage.runtime.internal.shared.RateLimitedLog;
import io.appmessage.runtime.outbox.OutboxOutcomeUnknownException;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import io.appmessage.runtime.spi.PollObserver;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an outbox tells about its sends: every send and failed send to the observer, the store's
 * availability on each change, failed sends and failed wake-ups to the log at most one line per 10 s each.
 *
 * <pre>{@code
 * try { id = store.append(...); } catch (OutboxUnavailableException e) { reporter.sendFailed(key, e); throw e; }
 * reporter.sent(key);
 * }</pre>
 */
public final class SendReporter {
    private static final Logger LOG = LoggerFactory.getLogger("io.appmessage.runtime.outbox.AppMessageOutbox");
    private static final long INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final RateLimitedLog sendFailures = new RateLimitedLog(INTERVAL_NANOS);
    private final RateLimitedLog wakeFailures = new RateLimitedLog(INTERVAL_NANOS);
    /** Hears sends and the store's availability; null for none. */
    private volatile PollObserver observer;
    /** True after a store call failed, until one succeeds: availability is reported on the change only. */
    private volatile boolean storeDown;

    /** Null for none. */
    public void observeWith(PollObserver observer) {
        this.observer = observer;
    }

    /** A failed send: logged (at most one line per 10 s), and told to the observer with its kind. */
    public void sendFailed(String key, OutboxUnavailableException e) {
        int heldBack = sendFailures.tryAcquire();
        if (heldBack >= 0) {
            LOG.warn("a send failed ({} more failed sends since the last line, at most one line per 10 s): {}",
                    heldBack, e.getMessage());
        }
        storeFailed();
        PollObserver o = observer;
        if (o != null) {
            o.sendFailed(key, outcomeUnknown(e) ? PollObserver.SendFailure.OUTCOME_UNKNOWN
                    : PollObserver.SendFailure.UNAVAILABLE);
        }
    }

    /** A message was stored. */
    public void sent(String key) {
        storeAnswered();
        PollObserver o = observer;
        if (o != null) {
            o.messageSent(key);
        }
    }

    /** A stored message's waiting polls were not woken: its readers' next poll carries it anyway. */
    public void wakeFailed(String what, long id, RuntimeException e) {
        int heldBack = wakeFailures.tryAcquire();
        if (heldBack >= 0) {
            LOG.warn("message {} for a {} is stored but waiting polls were not woken ({} more like this"
                    + " in the last 10 s): {}", id, what, heldBack, e.toString());
        }
    }

    /** A store call failed. */
    public void storeFailed() {
        if (!storeDown) {
            storeDown = true;
            PollObserver o = observer;
            if (o != null) {
                o.storeUnavailable();
            }
        }
    }

    /** A store call succeeded. */
    public void storeAnswered() {
        if (storeDown) {
            storeDown = false;
            PollObserver o = observer;
            if (o != null) {
                o.storeAvailable();
            }
        }
    }

    /** A store that timed out may have written the message. */
    private static boolean outcomeUnknown(Throwable e) {
        if (e instanceof OutboxOutcomeUnknownException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}

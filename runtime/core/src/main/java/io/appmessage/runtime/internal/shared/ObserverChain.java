package io.appmessage.runtime.internal.shared;

import io.appmessage.runtime.spi.PollObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Several {@link PollObserver}s as one, called in the order they were set. An observer that throws
 * is logged (one line per interval per observer, with how many were held back) and the others are
 * still called; the poll never sees the exception.
 *
 * <pre>{@code
 * PollObserver observer = ObserverChain.of(List.of(metrics, presence));   // null when the list is empty
 * if (observer != null) observer.pollAdmitted();
 * }</pre>
 */
public final class ObserverChain implements PollObserver {

    private static final Logger LOG = LoggerFactory.getLogger("io.appmessage.runtime.observer");
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final PollObserver[] observers;
    private final RateLimitedLog[] faultLogs;

    private ObserverChain(List<PollObserver> observers) {
        this.observers = observers.toArray(new PollObserver[0]);
        this.faultLogs = new RateLimitedLog[this.observers.length];
        for (int i = 0; i < faultLogs.length; i++) {
            faultLogs[i] = new RateLimitedLog(LOG_INTERVAL_NANOS);
        }
    }

    /** The observers as one, or null when there is none: the runtime then calls nothing at all. */
    public static PollObserver of(List<PollObserver> observers) {
        return observers.isEmpty() ? null : new ObserverChain(observers);
    }

    private void failed(int index, String event, RuntimeException e) {
        int held = faultLogs[index].tryAcquire();
        if (held >= 0) {
            LOG.warn("poll observer {} threw in {}; ignored{}", observers[index].getClass().getName(), event,
                    RateLimitedLog.heldBackSuffix(held, "failures"), e);
        }
    }

    @Override
    public void pollAdmitted() {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].pollAdmitted();
            } catch (RuntimeException e) {
                failed(i, "pollAdmitted", e);
            }
        }
    }

    @Override
    public void pollRefused(Refusal reason) {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].pollRefused(reason);
            } catch (RuntimeException e) {
                failed(i, "pollRefused", e);
            }
        }
    }

    @Override
    public void handlerFinished(String handlerId, HandlerOutcome outcome, long durationNanos) {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].handlerFinished(handlerId, outcome, durationNanos);
            } catch (RuntimeException e) {
                failed(i, "handlerFinished", e);
            }
        }
    }

    @Override
    public void handlerFailed(String handlerId, HandlerOutcome outcome, String message) {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].handlerFailed(handlerId, outcome, message);
            } catch (RuntimeException e) {
                failed(i, "handlerFailed", e);
            }
        }
    }

    @Override
    public void pollAnswered(String userId, PollMode mode, int status, long durationNanos, int bytes,
            int messagesDelivered) {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].pollAnswered(userId, mode, status, durationNanos, bytes, messagesDelivered);
            } catch (RuntimeException e) {
                failed(i, "pollAnswered", e);
            }
        }
    }

    @Override
    public void holdStarted() {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].holdStarted();
            } catch (RuntimeException e) {
                failed(i, "holdStarted", e);
            }
        }
    }

    @Override
    public void holdEnded(HoldEnd end, long heldNanos) {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].holdEnded(end, heldNanos);
            } catch (RuntimeException e) {
                failed(i, "holdEnded", e);
            }
        }
    }

    @Override
    public void messageDelivered(String key, Instant sentAt) {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].messageDelivered(key, sentAt);
            } catch (RuntimeException e) {
                failed(i, "messageDelivered", e);
            }
        }
    }

    @Override
    public void messageSent(String key) {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].messageSent(key);
            } catch (RuntimeException e) {
                failed(i, "messageSent", e);
            }
        }
    }

    @Override
    public void sendFailed(String key, SendFailure failure) {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].sendFailed(key, failure);
            } catch (RuntimeException e) {
                failed(i, "sendFailed", e);
            }
        }
    }

    @Override
    public void storeUnavailable() {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].storeUnavailable();
            } catch (RuntimeException e) {
                failed(i, "storeUnavailable", e);
            }
        }
    }

    @Override
    public void storeAvailable() {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].storeAvailable();
            } catch (RuntimeException e) {
                failed(i, "storeAvailable", e);
            }
        }
    }
}

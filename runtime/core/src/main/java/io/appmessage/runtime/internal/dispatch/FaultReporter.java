package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.internal.json.UnwritableValueException;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.spi.PollObserver.HandlerOutcome;
import io.appmessage.spi.MessageKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines about faulty handlers, each naming the handler id ({@code Class#method}) and
 * rate-limited per handler. A fault never reaches the client: the handler's keys are dropped.
 */
final class FaultReporter {

    private static final Logger LOG = LoggerFactory.getLogger("io.appmessage.runtime.handler");

    /** Hears every fault (the log lines are rate-limited, the observer is not); null without one. */
    private final PollObserver observer;

    FaultReporter(PollObserver observer) {
        this.observer = observer;
    }

    void threw(HandlerSlot handler, Throwable error) {
        if (observer != null) {
            observer.handlerFailed(handler.id, HandlerOutcome.THREW, String.valueOf(error));
        }
        int held = handler.faultLog.tryAcquire();
        if (held >= 0) {
            LOG.warn("handler {} failed, its keys are left out of this answer{}", handler.id, suffix(held), error);
        }
    }

    void timedOut(HandlerSlot handler, long deadlineMillis) {
        if (observer != null) {
            observer.handlerFailed(handler.id, HandlerOutcome.TIMED_OUT, missedDeadline(deadlineMillis));
        }
        int held = handler.faultLog.tryAcquire();
        if (held >= 0) {
            LOG.warn("handler {} did not complete within the poll deadline of {} ms, its keys are left out of this answer{}",
                    handler.id, deadlineMillis, suffix(held));
        }
    }

    /** A synchronous handler still ran at the deadline: answered without it and the handlers after it. */
    void syncTimedOut(HandlerSlot handler, long deadlineMillis) {
        if (observer != null) {
            observer.handlerFailed(handler.id, HandlerOutcome.TIMED_OUT, missedDeadline(deadlineMillis));
        }
        int held = handler.faultLog.tryAcquire();
        if (held >= 0) {
            LOG.warn("handler {} did not complete within the poll deadline of {} ms, its keys are left out of this answer"
                    + " and the handlers after it did not run (its worker stays busy until it returns){}",
                    handler.id, deadlineMillis, suffix(held));
        }
    }

    void unwritable(HandlerSlot handler, String key, Object value, Throwable cause) {
        if (observer != null && handler != null) {
            observer.handlerFailed(handler.id, HandlerOutcome.UNWRITABLE, "the value of key '" + key
                    + "' cannot be written as JSON (" + cause.getMessage() + ")");
        }
        int held = handler == null ? 0 : handler.faultLog.tryAcquire();
        if (held < 0) {
            return;
        }
        String id = handler == null ? "?" : handler.id;
        String type = value == null ? "null" : value.getClass().getName();
        if (cause instanceof UnwritableValueException) { // no JSON form: the message says which type and why
            LOG.warn("key '{}' pushed by {} has a value of type {} that cannot be written as JSON ({}); the key is left out{}",
                    key, id, type, cause.getMessage(), suffix(held));
        } else { // user code failed while the value was written (an Iterable, a map view, an accessor): a bug, with its trace
            LOG.warn("key '{}' pushed by {} has a value of type {} that cannot be written as JSON ({}); the key is left out{}",
                    key, id, type, cause, suffix(held), cause);
        }
    }

    /** A push whose key breaks the key rule: that key is dropped, the rest of the poll answered. */
    void malformedKey(HandlerSlot handler, String key) {
        if (observer != null) {
            observer.handlerFailed(handler.id, HandlerOutcome.UNWRITABLE,
                    "pushed the key " + (key == null ? "null" : "'" + key + "'") + " which breaks the key rule");
        }
        int held = handler.faultLog.tryAcquire();
        if (held >= 0) {
            LOG.warn("handler {} pushed the key {} which breaks the key rule ({}); that key is left out of this answer{}",
                    handler.id, key == null ? "null" : "'" + key + "'", MessageKeys.RULE, suffix(held));
        }
    }

    private static String missedDeadline(long deadlineMillis) {
        return "did not complete within the poll deadline of " + deadlineMillis + " ms";
    }

    private static String suffix(int held) {
        return held > 0 ? " (" + held + " similar faults of this handler not logged)" : "";
    }
}

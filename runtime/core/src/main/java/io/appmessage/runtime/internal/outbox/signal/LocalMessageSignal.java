package io.appmessage.runtime.internal.outbox.signal;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.appmessage.runtime.spi.MessageSignal;
import io.appmessage.runtime.spi.WakeListener;

/**
 * The in-process signal: listeners are called on the signalling thread. Enough for one node; the Redis signal
 * builds on it for several.
 *
 * <pre>{@code
 * LocalMessageSignal signal = new LocalMessageSignal();
 * signal.subscribe(listener);
 * signal.notifyUser("alice");
 * }</pre>
 */
public final class LocalMessageSignal implements MessageSignal {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMessageSignal.class);

    // read on every signal, written only when a listener (a poll server) comes or goes
    private final CopyOnWriteArrayList<WakeListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(WakeListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void notifyUser(String userId) {
        Objects.requireNonNull(userId, "userId");
        for (WakeListener listener : listeners) {
            try {
                listener.userChanged(userId);
            } catch (RuntimeException e) {
                // one faulty listener must not fail the send that signalled, nor starve the other listeners
                LOG.warn("wake-up listener {} failed for a user signal; other listeners were still told", listener, e);
            }
        }
    }

    @Override
    public void notifyAllUsers() {
        for (WakeListener listener : listeners) {
            try {
                listener.everyoneChanged();
            } catch (RuntimeException e) {
                LOG.warn("wake-up listener {} failed for an all-users signal; other listeners were still told", listener, e);
            }
        }
    }

    @Override
    public void notifyTopic(String topic) {
        Objects.requireNonNull(topic, "topic");
        for (WakeListener listener : listeners) {
            try {
                listener.topicChanged(topic);
            } catch (RuntimeException e) {
                LOG.warn("wake-up listener {} failed for a topic signal; other listeners were still told", listener, e);
            }
        }
    }

    @Override
    public void close() {
        listeners.clear();
    }
}

package io.appmessage.runtime.spi;

/**
 * Wakes the polls waiting for a user. The outbox signals a user after it stored a message
 * for them; app code signals when handler data changed (an order's status, say).
 *
 * <pre>{@code
 * MessageSignal signal = new LocalMessageSignal();
 * try (MessageSignal.Subscription s = signal.subscribe(listener)) {
 *     signal.notifyUser("alice");     // listener.userChanged("alice")
 *     signal.notifyAllUsers();        // listener.everyoneChanged()
 *     signal.notifyTopic("live:42");  // listener.topicChanged("live:42")
 * }
 * }</pre>
 *
 * <p>Named {@code notifyUser}/{@code notifyAllUsers} rather than {@code notify}/{@code notifyAll}: those are
 * {@code Object}'s final monitor methods, and {@code notifyAll()} cannot be declared here.
 *
 * <p>A signal is a hint, never the data: it may be lost (Redis down) or arrive twice, and a poll that wakes
 * reads the store and runs the handlers anyway. Signalling never throws for a transport failure.
 */
public interface MessageSignal extends AutoCloseable {

    /** Registers a listener until the returned subscription is closed. */
    Subscription subscribe(WakeListener listener);

    /** Wakes the polls waiting for {@code userId}, on every node. */
    void notifyUser(String userId);

    /** Wakes every waiting poll, on every node. */
    void notifyAllUsers();

    /**
     * Wakes the polls waiting on {@code topic}, on every node, and no other poll. The default wakes every
     * poll (correct, but costly), so a signal written before topics keeps working.
     */
    default void notifyTopic(String topic) {
        notifyAllUsers();
    }

    @Override
    void close();

    /** Ends one listener's registration. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

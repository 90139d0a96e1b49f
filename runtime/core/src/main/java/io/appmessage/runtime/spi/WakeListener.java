package io.appmessage.runtime.spi;

/**
 * Told when something changed for a user or for everyone; long-poll answers the polls it holds for them.
 * Called on the signalling thread (or Redis's I/O thread): return quickly and never block.
 *
 * <pre>{@code
 * signal.subscribe(new WakeListener() {
 *     public void userChanged(String userId) { heldPolls.answerAll(userId); }
 *     public void everyoneChanged() { heldPolls.answerEveryone(); }
 * });
 * }</pre>
 */
public interface WakeListener {

    /** Something is there for {@code userId}: a targeted message, or handler data changed. */
    void userChanged(String userId);

    /** Handler data changed for everyone (e.g. a store-wide announcement). */
    void everyoneChanged();

    /** A message was published to {@code topic}. The default does nothing (a listener with no topic polls). */
    default void topicChanged(String topic) {
    }
}

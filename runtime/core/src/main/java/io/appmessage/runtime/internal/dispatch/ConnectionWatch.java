package io.appmessage.runtime.internal.dispatch;

/**
 * What the transport does while a poll is held by an extension: watch the
 * client's connection, so a client that goes away frees its hold at once instead of at the end of
 * its wait. The Undertow adapter watches the socket for end-of-stream; adapters that cannot watch
 * (a Servlet container) pass {@link #NONE}, and an abandoned hold then ends with its wait.
 *
 * <pre>{@code
 * pipeline.run(rawQuery, headers, receivedAt, worker, answer, new UndertowConnectionWatch(exchange));
 * }</pre>
 */
public interface ConnectionWatch {

    /** Watches nothing: holds end with their wait or wake-up only. */
    ConnectionWatch NONE = new ConnectionWatch() {
        @Override
        public void held(Runnable clientGone) {
        }

        @Override
        public void released(Runnable resume) {
            resume.run();
        }
    };

    /**
     * The poll is now held, with no thread. Call {@code clientGone} (from any thread, at most once)
     * if the client goes away before {@link #released}. Must not block.
     */
    void held(Runnable clientGone);

    /**
     * The hold ended (woken, timed out, or the client went away): stop watching, then run
     * {@code resume} (on any thread). After this, {@code clientGone} must no longer be called.
     */
    void released(Runnable resume);
}

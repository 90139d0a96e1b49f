package io.appmessage.spi;

import io.appmessage.AppMessage;

/**
 * The runtime's side of {@link HandlerDispatch}: what generated code calls around each handler it
 * runs. One instance serves one poll, on the thread that runs the dispatch; the runtime attributes
 * pushes, results and failures to the handler that {@link #begin} named last.
 *
 * <pre>{@code
 * AppMessage message = steps.begin(3);          // null: the poll has answered, stop here
 * try {
 *     steps.returned(shopHandlers.status(request));
 * } catch (Throwable e) {
 *     steps.threw(e);                          // the handler loses only its own keys
 * }
 * }</pre>
 *
 * <p>Part of the generated-code contract since version 3 ({@link HandlerRegistry#CONTRACT_VERSION}).
 */
public interface HandlerSteps {

    /**
     * The handler with this index (in its dispatch) starts.
     *
     * @return the {@code AppMessage} the handler pushes to, or {@code null} when it must not run (the
     *         poll has answered): then the dispatch returns without running it or any later handler
     */
    AppMessage begin(int index);

    /**
     * The handler begun last returned: {@code null} for a {@code void} handler, else its result (the value to
     * push under its key, or the {@code CompletionStage} of an asynchronous handler).
     */
    void returned(Object result);

    /**
     * The handler begun last threw {@code error}. Implementations may rethrow (the runtime does for
     * errors of the JVM itself), which ends the dispatch.
     */
    void threw(Throwable error);
}

package io.appmessage.spi;

import io.appmessage.AppMessage;

/**
 * The runtime's side of {@link HandlerDispatch}: what generated code calls around each handler it
 * runs. One instance serves one poll, on the thread that runs the dispatch; the runtime attributes
 * pushes, results and failures to the handler that {@link #begin} named last.
 *
 * <pre>{@code
 * if ((message = steps.begin(3)) == null) return;   // null: stop here
 * steps.returned(shopHandlers.status(request));
 * ...
 * } catch (Throwable error) {
 *     next = steps.threw(error);                     // the handler loses only its own keys; go on at 4
 * }
 * }</pre>
 *
 * <p>Part of the generated-code contract since version 3 ({@link HandlerRegistry#CONTRACT_VERSION}).
 */
public interface HandlerSteps {

    /**
     * The handler with this index (in its dispatch) starts.
     *
     * @return the {@code AppMessage} the handler pushes to, or {@code null} when it must not run (past the
     *         last handler the runtime wants from this run, or the poll has answered): then the dispatch
     *         returns without running it or any later handler
     */
    AppMessage begin(int index);

    /**
     * The handler begun last returned: {@code null} for a {@code void} handler, else its result (the value to
     * push under its key, or the {@code CompletionStage} of an asynchronous handler).
     */
    void returned(Object result);

    /**
     * The handler begun last threw {@code error} (or {@link #returned} did). Implementations may rethrow (the
     * runtime does for errors of the JVM itself), which ends the dispatch.
     *
     * @return the index to go on from: the failed handler's index + 1
     */
    int threw(Throwable error);
}

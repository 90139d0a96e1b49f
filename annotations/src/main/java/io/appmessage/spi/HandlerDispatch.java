package io.appmessage.spi;

import io.appmessage.AppMessageRequest;

/**
 * Straight-line dispatch: generated code that calls a register's handlers directly, one after the
 * other, each in its own {@code try}, so the runtime makes one call per register and poll instead of
 * one interface call per handler. Generated registers implement it in a nested class that holds the
 * handler objects; each of their {@link HandlerDescriptor}s calls through a {@link DispatchedCall}
 * naming the dispatch and the handler's index, which is how the runtime finds it.
 *
 * <p>The protocol, for every handler {@code i} from {@code from} on, in order:
 * {@link HandlerSteps#begin steps.begin(i)} gives the {@code AppMessage} to pass, or {@code null}: stop, the
 * run returns (that is how the runtime ends a run at the last handler it wants, and how it stops one once
 * the poll has answered); the handler is called; then {@link HandlerSteps#returned} gets its result
 * ({@code null} for {@code void}, the value, or the {@code CompletionStage}), or, when it threw,
 * {@link HandlerSteps#threw} gets the error and says where to go on (the steps may rethrow instead, which
 * ends the run). One {@code try} around the whole {@code switch} isolates every handler: after a failure
 * the run re-enters the {@code switch} at the next handler. What the generated code looks like:
 *
 * <pre>{@code
 * public void run(int from, AppMessageRequest request, HandlerSteps steps) {
 *     AppMessage message;
 *     int next = from;
 *     while (true) {
 *         try {
 *             switch (next) {
 *                 case 0:
 *                     if ((message = steps.begin(0)) == null) return;
 *                     ShopHandlers.test(message);
 *                     steps.returned(null);
 *                 case 1:
 *                     if (steps.begin(1) == null) return;
 *                     steps.returned(shopHandlers.status(request));
 *                 default:
 *                     return;
 *             }
 *         } catch (Throwable error) {
 *             next = steps.threw(error);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Part of the generated-code contract since version 3 ({@link HandlerRegistry#CONTRACT_VERSION}).
 * Implementations must be safe to run from several threads at once (each poll has its own steps).
 */
public interface HandlerDispatch {

    /**
     * Runs the handlers from index {@code from} on, in index order, following the protocol above; returns
     * when {@code begin} returned {@code null} or after the last handler.
     *
     * @param request the poll, passed to the handlers that take it
     * @param steps   the runtime's side of the protocol, for this poll
     */
    void run(int from, AppMessageRequest request, HandlerSteps steps);
}

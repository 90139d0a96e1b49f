package io.appmessage.spi;

import io.appmessage.AppMessageRequest;

/**
 * Straight-line dispatch: generated code that calls a register's handlers directly, one after the
 * other, each in its own {@code try}, so the runtime makes one call per register and poll instead of
 * one interface call per handler. Generated registers implement it in a nested class that holds the
 * handler objects; each of their {@link HandlerDescriptor}s calls through a {@link DispatchedCall}
 * naming the dispatch and the handler's index, which is how the runtime finds it.
 *
 * <p>The protocol, for every handler {@code i} from {@code from} up to {@code to} (exclusive), in order:
 * {@link HandlerSteps#begin steps.begin(i)} gives the {@code AppMessage} to pass (or {@code null}: stop,
 * nothing more runs); the handler is called; then exactly one of {@link HandlerSteps#returned} (its result:
 * {@code null} for {@code void}, the value, or the {@code CompletionStage}) and {@link HandlerSteps#threw}
 * (whatever it threw; the steps may rethrow, which ends the run). What the generated code looks like:
 *
 * <pre>{@code
 * public void run(int from, int to, AppMessageRequest request, HandlerSteps steps) {
 *     AppMessage message;
 *     switch (from) {
 *         case 0:
 *             if (to <= 0 || (message = steps.begin(0)) == null) return;
 *             try { ShopHandlers.test(message); steps.returned(null); } catch (Throwable e) { steps.threw(e); }
 *         case 1:
 *             if (to <= 1 || (message = steps.begin(1)) == null) return;
 *             try { steps.returned(shopHandlers.status(request)); } catch (Throwable e) { steps.threw(e); }
 *         default:
 *     }
 * }
 * }</pre>
 *
 * <p>Part of the generated-code contract since version 3 ({@link HandlerRegistry#CONTRACT_VERSION}).
 * Implementations must be safe to run from several threads at once (each poll has its own steps).
 */
public interface HandlerDispatch {

    /**
     * Runs the handlers with indices {@code from} (inclusive) to {@code to} (exclusive), in index order,
     * following the protocol above; returns when they have run or when {@code begin} returned {@code null}.
     *
     * @param request the poll, passed to the handlers that take it
     * @param steps   the runtime's side of the protocol, for this poll
     */
    void run(int from, int to, AppMessageRequest request, HandlerSteps steps);
}

package io.appmessage.spi;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;

/**
 * One handler method, called by generated code: a lambda that the processor writes, so the
 * runtime invokes handlers without reflection.
 *
 * <p>What the call returns depends on the handler's {@link HandlerDescriptor.Kind}:
 * {@code null} for imperative handlers, the value to push for value handlers (pushed when not
 * null), and a {@link java.util.concurrent.CompletionStage} for asynchronous ones.
 *
 * <pre>{@code
 * HandlerCall call = (request, message) -> { ShopHandlers.test(message); return null; };
 * }</pre>
 */
@FunctionalInterface
public interface HandlerCall {

    /**
     * Runs the handler for one poll.
     *
     * @throws Exception whatever the handler throws; the runtime drops that handler's keys and logs it
     */
    Object call(AppMessageRequest request, AppMessage message) throws Exception;
}

package io.appmessage.spi;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;

/**
 * The {@link HandlerCall} of a handler that a {@link HandlerDispatch} runs: handler {@code index} of
 * {@code dispatch}. Generated registers describe every handler with one, so the runtime can see which
 * handlers it may run together in one straight-line call ({@link #dispatch()}, {@link #index()});
 * {@link #call} runs just this handler, for callers that go handler by handler (tests, tools).
 *
 * <pre>{@code
 * HandlerDescriptor.of("com.shop.ShopHandlers#status", "", 0, Kind.VALUE, "order_status", true,
 *         new DispatchedCall(dispatch, 2));
 * }</pre>
 *
 * <p>Part of the generated-code contract since version 3 ({@link HandlerRegistry#CONTRACT_VERSION}).
 */
public final class DispatchedCall implements HandlerCall {

    private final HandlerDispatch dispatch;
    private final int index;

    /** Handler {@code index} of {@code dispatch}. */
    public DispatchedCall(HandlerDispatch dispatch, int index) {
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " < 0");
        }
        this.index = index;
    }

    /** The dispatch that runs the handler. */
    public HandlerDispatch dispatch() {
        return dispatch;
    }

    /** The handler's index in {@link #dispatch()}. */
    public int index() {
        return index;
    }

    /** Runs this one handler: its result ({@code null} for {@code void}), or what it threw. */
    @Override
    public Object call(AppMessageRequest request, AppMessage message) throws Exception {
        OneHandler steps = new OneHandler(message);
        dispatch.run(index, index + 1, request, steps);
        Throwable error = steps.error;
        if (error instanceof Exception exception) {
            throw exception;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        if (error != null) {
            throw new UndeclaredThrowableException(error);
        }
        return steps.result;
    }

    @Override
    public String toString() {
        return "DispatchedCall[" + index + " of " + dispatch.getClass().getName() + "]";
    }

    /** The steps of a run of one handler: pushes go to the caller's message; result or error kept. */
    private static final class OneHandler implements HandlerSteps {

        private final AppMessage message;
        Object result;
        Throwable error;

        OneHandler(AppMessage message) {
            this.message = message;
        }

        @Override
        public AppMessage begin(int index) {
            return message;
        }

        @Override
        public void returned(Object result) {
            this.result = result;
        }

        @Override
        public void threw(Throwable error) {
            this.error = error;
        }
    }
}

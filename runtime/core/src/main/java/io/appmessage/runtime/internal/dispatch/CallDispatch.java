package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.spi.HandlerCall;
import io.appmessage.spi.HandlerDispatch;
import io.appmessage.spi.HandlerSteps;

/**
 * A handler whose descriptor's call is a plain {@link HandlerCall} (registers generated for contract
 * version 2, registries written by hand), run as a dispatch of one handler, index 0, so the poll loop
 * has one way to run every handler.
 */
final class CallDispatch implements HandlerDispatch {

    private final HandlerCall call;

    CallDispatch(HandlerCall call) {
        this.call = call;
    }

    @Override
    public void run(int from, int to, AppMessageRequest request, HandlerSteps steps) {
        if (from > 0 || to < 1) {
            return;
        }
        AppMessage message = steps.begin(0);
        if (message == null) {
            return;
        }
        try {
            steps.returned(call.call(request, message));
        } catch (Throwable error) {
            steps.threw(error);
        }
    }
}

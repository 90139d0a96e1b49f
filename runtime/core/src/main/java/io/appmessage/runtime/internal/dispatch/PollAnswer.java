package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.PollResponse;

/** Where a poll's answer goes (the Undertow exchange, a Servlet response, a future); called exactly once. */
@FunctionalInterface
public interface PollAnswer {

    void send(PollResponse response);
}

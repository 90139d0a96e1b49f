package io.appmessage.spring;

import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.PollResponse;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Hands one poll to the engine, with the stage that completes when the client went away. */
final class PollCalls {

    private PollCalls() {
    }

    static CompletionStage<PollResponse> poll(AppMessageDispatcher dispatcher, String method, String rawQuery,
                                              Function<String, String> headers, CompletionStage<?> clientGone) {
        return dispatcher.poll(method, rawQuery, headers, clientGone);
    }
}

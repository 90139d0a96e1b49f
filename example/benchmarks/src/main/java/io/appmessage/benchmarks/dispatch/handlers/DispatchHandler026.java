package io.appmessage.benchmarks.dispatch.handlers;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.Subscribe;
import io.appmessage.AppMessage;
import io.appmessage.OnAppMessageRequest;
import io.appmessage.benchmarks.scan.ScannedHandler;

/** Dispatch benchmark handler 26 of 100 (written by scripts/HandlerSources.java; do not edit). */
public final class DispatchHandler026 {

    @OnAppMessageRequest(order = 126)
    @ScannedHandler
    @Subscribe
    @AllowConcurrentEvents
    public void handle(AppMessage message) {
        message.push("key_026", "value 026");
    }
}

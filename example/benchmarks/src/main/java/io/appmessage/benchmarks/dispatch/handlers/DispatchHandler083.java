package io.appmessage.benchmarks.dispatch.handlers;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.Subscribe;
import io.appmessage.AppMessage;
import io.appmessage.OnAppMessageRequest;
import io.appmessage.benchmarks.scan.ScannedHandler;

/** Dispatch benchmark handler 83 of 100 (written by scripts/HandlerSources.java; do not edit). */
public final class DispatchHandler083 {

    @OnAppMessageRequest(order = 183)
    @ScannedHandler
    @Subscribe
    @AllowConcurrentEvents
    public void handle(AppMessage message) {
        message.push("key_083", "value 083");
    }
}

package io.appmessage.metrics.demo;

import io.appmessage.AppMessage;
import io.appmessage.AppMessagePlugin;
import io.appmessage.OnAppMessageRequest;

/** A plugin's handlers, switched off and on from the console. */
@AppMessagePlugin("wxapp")
public final class WxappHandlers {

    private WxappHandlers() {
    }

    @OnAppMessageRequest(order = 100)
    static void pluginMessages(AppMessage message) {
        message.push("plugin_wxapp_test", "plugin message");
    }
}

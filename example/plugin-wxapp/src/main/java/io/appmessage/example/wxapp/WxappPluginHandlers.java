package io.appmessage.example.wxapp;

import io.appmessage.AppMessage;
import io.appmessage.OnAppMessageRequest;
import java.util.List;
import java.util.Map;

/** The PHP plugin's {@code Plugin::handler()}: two keys on every poll. */
public final class WxappPluginHandlers {

    private static final Map<String, List<String>> TEST2 = Map.of("list", List.of("aaa", "bbb", "ccc"));

    private WxappPluginHandlers() {
    }

    @OnAppMessageRequest(order = 100)
    static void pluginMessages(AppMessage message) {
        message.push("plugin_wxapp_test", "测试插件消息");
        message.push("plugin_wxapp_test2", TEST2);
    }
}

package io.appmessage.example.peer.shop;

import io.appmessage.AppMessage;
import io.appmessage.OnAppMessageRequest;

/** The test message on every poll: a plain handler class, no bean (the benchmark's small shop, shared by its three sides). */
public final class ShopHandlers {

    private ShopHandlers() {
    }

    @OnAppMessageRequest(order = 10)
    public static void testMessage(AppMessage message) {
        message.push("test_msg", "测试消息");
    }
}

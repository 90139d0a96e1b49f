package io.appmessage.example.spring;

import io.appmessage.AppMessage;
import io.appmessage.OnAppMessageRequest;

/** The seed's test message, on every poll: a plain handler class, no bean. */
public final class ShopHandlers {

    private ShopHandlers() {
    }

    @OnAppMessageRequest(order = 10)
    public static void testMessage(AppMessage message) {
        message.push("test_msg", "测试消息");
    }
}

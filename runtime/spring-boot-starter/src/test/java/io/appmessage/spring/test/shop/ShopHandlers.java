package io.appmessage.spring.test.shop;

import io.appmessage.AppMessage;
import io.appmessage.OnAppMessageRequest;

/** A handler built without Spring (no bean of its type): a static method, as plain AppMessage code. */
public final class ShopHandlers {

    private ShopHandlers() {
    }

    @OnAppMessageRequest(order = 20)
    public static void banner(AppMessage message) {
        message.push("shop_banner", "sale today");
    }
}

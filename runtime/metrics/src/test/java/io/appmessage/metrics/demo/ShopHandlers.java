package io.appmessage.metrics.demo;

import io.appmessage.OnAppMessageRequest;

/** The test app's own handler. */
public final class ShopHandlers {

    private ShopHandlers() {
    }

    @OnAppMessageRequest("shop_status")
    static String status() {
        return "open";
    }
}

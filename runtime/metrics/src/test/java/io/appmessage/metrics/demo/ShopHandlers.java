package io.appmessage.metrics.demo;

import io.appmessage.OnAppMessageRequest;

/** The test app's own handlers: one that answers, one that always fails (for the failure meters). */
public final class ShopHandlers {

    private ShopHandlers() {
    }

    @OnAppMessageRequest("shop_status")
    static String status() {
        return "open";
    }

    @OnAppMessageRequest("flaky")
    static String flaky() {
        throw new IllegalStateException("inventory service down (thrown on purpose by the test app)");
    }
}

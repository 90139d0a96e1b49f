package io.appmessage.metrics.demo;

import io.appmessage.AppMessagePlugin;
import io.appmessage.OnAppMessageRequest;

/** A handler that always fails, for the failure meters; a plugin so the overhead benchmark can switch it off. */
@AppMessagePlugin("faulty")
public final class FaultyHandlers {

    private FaultyHandlers() {
    }

    @OnAppMessageRequest("flaky")
    static String flaky() {
        throw new IllegalStateException("inventory service down (thrown on purpose by the test app)");
    }
}

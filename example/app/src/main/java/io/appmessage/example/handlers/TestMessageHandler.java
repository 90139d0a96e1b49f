package io.appmessage.example.handlers;

import io.appmessage.AppMessage;
import io.appmessage.OnAppMessageRequest;

/**
 * The seed's {@code AppMessageTestHandler}: pushes {@code test_msg} on every poll, in the
 * imperative form that mirrors PHP's {@code \Yii::$app->appMessage->push('test_msg', '测试消息')}.
 */
public final class TestMessageHandler {

    private TestMessageHandler() {
    }

    @OnAppMessageRequest
    static void testMessage(AppMessage message) {
        message.push("test_msg", "测试消息");
    }
}

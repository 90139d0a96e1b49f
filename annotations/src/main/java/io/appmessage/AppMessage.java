package io.appmessage;

/**
 * What one poll answers: the handlers of the poll push data under keys, and the server writes
 * everything pushed as the {@code data} object of the envelope
 * {@code {"code":0,"msg":"","data":{...}}}. The same model as a PHP backend's {@code \Yii::$app->appMessage->push}.
 *
 * <pre>{@code
 * @OnAppMessageRequest
 * static void test(AppMessage message) {
 *     message.push("test_msg", "测试消息");
 * }
 * }</pre>
 *
 * <p>One instance belongs to one poll; handlers must not keep it beyond their call (or, for
 * asynchronous handlers, beyond their stage's completion).
 */
public interface AppMessage {

    /**
     * Pushes {@code data} under {@code key}. A later push of the same key overwrites an earlier
     * one (the server logs the overwrite at debug level, naming both handlers).
     *
     * @param key  a non-blank key; keep it unique across the app and its plugins
     * @param data a {@code String}, number, boolean, {@code null}, {@code Map<String, ?>},
     *             {@code Iterable}, array, {@code Optional}, or a record with a generated writer
     *             (see {@link AppMessageData}); a value that cannot be written as JSON drops this
     *             key only, with a log line naming the key, the type and the handler
     */
    void push(String key, Object data);
}

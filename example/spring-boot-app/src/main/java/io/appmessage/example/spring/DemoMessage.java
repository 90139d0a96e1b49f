package io.appmessage.example.spring;

import io.appmessage.AppMessageData;

/**
 * A targeted message one demo user sends another from the page, stored in the
 * outbox under the key {@value SendController#MESSAGE_KEY}. The processor writes its JSON writer
 * (no reflection); the poll carries it as
 * <pre>{@code
 * {"id":3,"key":"demo_message","data":{"from":"alice","text":"hi bob","sent_at":1700000000000},"sent_at":1700000000001}
 * }</pre>
 *
 * @param from   the sender's demo user id
 * @param text   what they wrote (1–{@value SendController#MAX_TEXT_CHARS} characters)
 * @param sentAt epoch milliseconds when the endpoint accepted it
 */
@AppMessageData(naming = AppMessageData.Naming.SNAKE_CASE)
public record DemoMessage(String from, String text, long sentAt) {
}

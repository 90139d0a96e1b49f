package io.appmessage.example.demo;

import io.appmessage.AppMessageData;

/**
 * One chat line in a demo live room, published to the topic {@code live:<room>} under the key
 * {@value LiveRoomHandler#MESSAGE_KEY}; every poll subscribed to the room carries it as
 * <pre>{@code
 * {"id":7,"topic":"live:42","key":"live_chat","data":{"from":"alice","text":"hi all","sent_at":1700000000000},"sent_at":…}
 * }</pre>
 *
 * @param from   the sender's demo user id
 * @param text   what they wrote (1–{@value DemoSendHandler#MAX_TEXT_CHARS} characters)
 * @param sentAt epoch milliseconds when the endpoint accepted it
 */
@AppMessageData(naming = AppMessageData.Naming.SNAKE_CASE)
public record LiveChat(String from, String text, long sentAt) {
}

package io.appmessage.example.spring;

import io.appmessage.AppMessageData;

/**
 * The shop's "someone just bought …" prompt, shown as a toast in the mini-program. Snake-case
 * names, because that is what the PHP shop's mini-program reads.
 */
@AppMessageData(naming = AppMessageData.Naming.SNAKE_CASE)
public record BuyPrompt(String nickname, String avatar, String goodsName, String timeAgo) {
}

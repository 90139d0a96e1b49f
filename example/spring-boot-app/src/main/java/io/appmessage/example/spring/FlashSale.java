package io.appmessage.example.spring;

import io.appmessage.AppMessageData;

/**
 * A flash sale's remaining stock, as a remote inventory service would report it. Snake-case JSON
 * names ({@code goods_name}, {@code ends_at_epoch_second}), like every object the mini-program reads.
 */
@AppMessageData(naming = AppMessageData.Naming.SNAKE_CASE)
public record FlashSale(String goodsName, int remaining, long endsAtEpochSecond) {
}

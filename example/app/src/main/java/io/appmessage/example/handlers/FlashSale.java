package io.appmessage.example.handlers;

/** A flash sale's remaining stock, as a remote inventory service would report it. */
public record FlashSale(String goodsName, int remaining, long endsAtEpochSecond) {
}

package io.appmessage.example.spring;

import io.appmessage.OnAppMessageRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes {@code buy_data}: a "someone just bought …" prompt, rotating over a small built-in list
 * (a real shop would read its latest orders). Value form with a record result: the processor
 * generates the record's JSON writer, so nothing is reflected at run time.
 */
public final class BuyDataHandler {

    private static final List<BuyPrompt> PROMPTS = List.of(
            new BuyPrompt("小明", "https://example.com/avatar/xiaoming.png", "蓝牙耳机", "1分钟前"),
            new BuyPrompt("Alice", "https://example.com/avatar/alice.png", "Running shoes", "2分钟前"),
            new BuyPrompt("阿强", "https://example.com/avatar/aqiang.png", "保温杯", "5分钟前"),
            new BuyPrompt("Bob", "https://example.com/avatar/bob.png", "Coffee beans 1kg", "8分钟前"));

    private final AtomicInteger next = new AtomicInteger();

    /** Each poll shows the next prompt of the list. */
    @OnAppMessageRequest(value = "buy_data", order = 10)
    BuyPrompt latestPurchase() {
        return PROMPTS.get(Math.floorMod(next.getAndIncrement(), PROMPTS.size()));
    }
}

package io.appmessage.benchmarks.shop;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.NonBlocking;
import io.appmessage.OnAppMessageRequest;
import io.appmessage.benchmarks.scan.ScannedHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ten handlers shaped like the example app's (the seed's {@code test_msg}, a rotating
 * {@code buy_data} prompt, a user's {@code order_status} record, the demo plugin's keys, and a few
 * small counters), for the benchmark apps. Each carries {@code @OnAppMessageRequest} (the processor
 * lists it) and {@code @ScannedHandler} (the ClassGraph app finds it), so both apps run the same code.
 *
 * <pre>{@code
 * // anonymous poll: {"test_msg":"测试消息","buy_data":{...},"plugin_wxapp_test":"测试插件消息",...}
 * }</pre>
 *
 * <p>Non-blocking: they only read constants and counters, so a poll runs on the I/O thread it
 * arrived on ({@code PollApp} with {@code SHOP_HANDLERS=blocking} describes them as blocking).
 */
@NonBlocking
public final class ShopHandlers {

    private static final List<Map<String, Object>> PURCHASES = List.of(
            purchase("小明", "https://example.com/a/1.png", "保温杯", "3分钟前"),
            purchase("Lily", "https://example.com/a/2.png", "蓝牙耳机", "5分钟前"),
            purchase("阿强", "https://example.com/a/3.png", "运动鞋", "8分钟前"));
    private static final Map<String, Object> PLUGIN_LIST = Map.of("list", List.of("aaa", "bbb", "ccc"));

    private final AtomicInteger purchase = new AtomicInteger();

    private static Map<String, Object> purchase(String nickname, String avatar, String goods, String ago) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nickname", nickname);
        m.put("avatar", avatar);
        m.put("goods_name", goods);
        m.put("ago", ago);
        return Map.copyOf(m);
    }

    @OnAppMessageRequest
    @ScannedHandler
    public static void test(AppMessage message) {
        message.push("test_msg", "测试消息");
    }

    @OnAppMessageRequest(value = "buy_data", order = 1)
    @ScannedHandler("buy_data")
    public Map<String, Object> buyData() {
        return PURCHASES.get(Math.floorMod(purchase.getAndIncrement(), PURCHASES.size()));
    }

    @OnAppMessageRequest(value = "order_status", order = 2)
    @ScannedHandler("order_status")
    public OrderStatus orderStatus(AppMessageRequest request) {
        return request.userId().map(user -> new OrderStatus(user, "A-1001", "shipped")).orElse(null);
    }

    @OnAppMessageRequest(order = 3)
    @ScannedHandler
    public static void pluginTest(AppMessage message) {
        message.push("plugin_wxapp_test", "测试插件消息");
    }

    @OnAppMessageRequest(value = "plugin_wxapp_test2", order = 4)
    @ScannedHandler("plugin_wxapp_test2")
    public static Map<String, Object> pluginTest2() {
        return PLUGIN_LIST;
    }

    @OnAppMessageRequest(value = "cart_count", order = 5)
    @ScannedHandler("cart_count")
    public static int cartCount(AppMessageRequest request) {
        return request.authenticated() ? 3 : 0;
    }

    @OnAppMessageRequest(value = "unread_notices", order = 6)
    @ScannedHandler("unread_notices")
    public static long unreadNotices() {
        return 2L;
    }

    @OnAppMessageRequest(value = "announcement", order = 7)
    @ScannedHandler("announcement")
    public static String announcement() {
        return "双十一活动进行中";
    }

    @OnAppMessageRequest(value = "coupon_available", order = 8)
    @ScannedHandler("coupon_available")
    public static boolean couponAvailable(AppMessageRequest request) {
        return request.authenticated();
    }

    @OnAppMessageRequest(value = "hot_goods", order = 9)
    @ScannedHandler("hot_goods")
    public static List<String> hotGoods() {
        return List.of("保温杯", "蓝牙耳机", "运动鞋");
    }
}

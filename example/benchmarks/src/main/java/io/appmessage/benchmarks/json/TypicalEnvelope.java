package io.appmessage.benchmarks.json;

import io.appmessage.benchmarks.dispatch.FixedRequest;
import io.appmessage.benchmarks.shop.ShopHandlers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one authenticated poll of the example pushes: {@code test_msg} (a string), {@code buy_data}
 * (a map), {@code order_status} (a record), the demo plugin's keys, and a few small values.
 *
 * <pre>{@code
 * Map<String, Object> data = TypicalEnvelope.data();
 * }</pre>
 */
public final class TypicalEnvelope {

    private TypicalEnvelope() {
    }

    /** The pushed keys and values of one poll by {@code alice}, in push order. */
    public static Map<String, Object> data() {
        ShopHandlers shop = new ShopHandlers();
        FixedRequest alice = new FixedRequest("alice");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("test_msg", "测试消息");
        data.put("buy_data", shop.buyData());
        data.put("order_status", shop.orderStatus(alice));
        data.put("plugin_wxapp_test", "测试插件消息");
        data.put("plugin_wxapp_test2", ShopHandlers.pluginTest2());
        data.put("cart_count", ShopHandlers.cartCount(alice));
        data.put("unread_notices", ShopHandlers.unreadNotices());
        data.put("announcement", ShopHandlers.announcement());
        data.put("coupon_available", ShopHandlers.couponAvailable(alice));
        data.put("hot_goods", ShopHandlers.hotGoods());
        return data;
    }
}

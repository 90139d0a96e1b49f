package io.appmessage.example.peer;

import io.appmessage.example.peer.shop.OrderBook;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The demo shop's handlers (the shop's test message, the user's latest order, the wxapp plugin's two keys) as event listeners. */
@Component
public class PeerHandlers {

    private static final Map<String, List<String>> TEST2 = Map.of("list", List.of("aaa", "bbb", "ccc"));

    private final OrderBook orders;

    public PeerHandlers(OrderBook orders) {
        this.orders = orders;
    }

    @EventListener
    @Order(10)
    public void testMessage(PollEvent poll) {
        poll.data().put("test_msg", "测试消息");
    }

    @EventListener
    @Order(20)
    public void latestOrder(PollEvent poll) {
        if (poll.userId() != null) {
            orders.latestStatusOf(poll.userId()).ifPresent(status -> poll.data().put("order_status", status));
        }
    }

    @EventListener
    @Order(100)
    public void pluginMessages(PollEvent poll) {
        poll.data().put("plugin_wxapp_test", "测试插件消息");
        poll.data().put("plugin_wxapp_test2", TEST2);
    }
}

package io.appmessage.example;

import io.appmessage.example.handlers.DemoInstances;
import io.appmessage.test.AppMessageTester;
import io.appmessage.test.PollResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo shop's handlers and the wxapp plugin's, polled through the runtime without HTTP with the
 * test kit: every registry on the class path, the app's instance provider for the order handlers.
 */
class ExampleHandlersTest {

    private static final AppMessageTester SHOP = AppMessageTester.discovered().instances(DemoInstances.create());

    @AfterAll
    static void close() {
        SHOP.close();
    }

    @Test
    void aSignedInUserGetsTheirLatestOrder() {
        PollResult poll = SHOP.as("alice").poll();
        assertThat(poll.data("order_status")).isEqualTo(Map.of("user_id", "alice", "order_no", "A-1001", "status", "shipped"));
        assertThat(poll.faults()).isEmpty();
        assertThat(poll.droppedKeys()).isEmpty();
    }

    @Test
    void everyPollCarriesTheSeedsKeysAndThePluginsButAnAnonymousOneNoOrder() {
        PollResult poll = SHOP.poll();
        assertThat(poll.data()).containsEntry("test_msg", "测试消息")
                .containsEntry("plugin_wxapp_test", "测试插件消息")
                .containsKeys("buy_data", "flash_sale", "plugin_wxapp_test2")
                .doesNotContainKey("order_status");
    }

    @Test
    void theAsyncFlashSaleArrivesWithinTheDeadline() {
        assertThat(SHOP.poll().data("flash_sale")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("goods_name", "保温杯 (flash sale)").containsKeys("remaining", "ends_at_epoch_second");
    }

    @Test
    void thePluginSwitchedOffLeavesOnlyTheAppsKeys() {
        try (AppMessageTester withoutPlugin = AppMessageTester.discovered().instances(DemoInstances.create())
                .configure(builder -> builder.disabledPlugins("wxapp"))) {
            assertThat(withoutPlugin.poll().data()).containsKey("test_msg")
                    .doesNotContainKeys("plugin_wxapp_test", "plugin_wxapp_test2");
        }
    }
}

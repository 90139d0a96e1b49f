package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The key rule at run time: a pushed key that breaks it is dropped and logged; the rest of the poll is answered. */
class PushedKeyRuleTest {

    @Test
    void malformedPushedKeys_areDroppedAndLoggedOnceEach_theRestAnswered() {
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.start(TestRegistry.of(
                     HandlerDescriptor.imperative("T#sync", "", 0, (request, message) -> {
                         message.push("order status!", 1);
                         message.push("x".repeat(65), 2);
                         message.push("", 3);
                         message.push(null, 4);
                         message.push("order_status", 5);
                         return null;
                     }),
                     HandlerDescriptor.async("T#async", "", 1, "", (request, message) -> {
                         message.push("bad key", 6);
                         message.push("async.ok-1", 7);
                         return CompletableFuture.completedFuture(null);
                     })))) {
            for (int i = 0; i < 2; i++) {
                var answer = Http.get(server, "/api/message/index");
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"order_status\":5,\"async.ok-1\":7}}");
            }
            // one line per handler per interval: the second poll's faults are held back
            assertThat(log.lines("handler T#sync pushed the key 'order status!' which breaks the key rule")).isEqualTo(1);
            assertThat(log.lines("handler T#async pushed the key 'bad key' which breaks the key rule")).isEqualTo(1);
            assertThat(log.lines("breaks the key rule")).isEqualTo(2);
        }
    }
}

package io.appmessage.test;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.Identity;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The kit's unit-test half: real runtime, no HTTP. */
class AppMessageTesterTest {

    /** A hand-written registry shaped like a generated one. */
    static final HandlerRegistry SHOP = new HandlerRegistry() {
        @Override
        public List<HandlerDescriptor> handlers(InstanceProvider instances) {
            return List.of(
                    HandlerDescriptor.imperative("t.Shop#test", "", 0, (request, message) -> {
                        message.push("test_msg", "测试消息");
                        return null;
                    }),
                    HandlerDescriptor.value("t.Shop#cart", "", 0, "cart", (request, message) ->
                            request.userId().map(user -> Map.of("user", user, "items", 2,
                                    "shop", String.valueOf(request.queryParameter("shop")),
                                    "client", String.valueOf(request.header("X-Client")),
                                    "tenant", String.valueOf(request.attribute("tenant")))).orElse(null)),
                    HandlerDescriptor.imperative("t.Shop#broken", "", 1, (request, message) -> {
                        message.push("half_done", 1);
                        if ("yes".equals(request.queryParameter("fail"))) {
                            throw new IllegalStateException("stock service down");
                        }
                        return null;
                    }),
                    HandlerDescriptor.imperative("t.Shop#unwritable", "", 2, (request, message) -> {
                        if ("yes".equals(request.queryParameter("thread"))) {
                            message.push("thread", new Object());
                        }
                        return null;
                    }),
                    HandlerDescriptor.async("t.Shop#slow", "", 3, "slow", (request, message) ->
                            "yes".equals(request.queryParameter("slow"))
                                    ? new CompletableFuture<>()
                                    : CompletableFuture.completedFuture("fast")));
        }
    };

    private static final AppMessageTester TESTER = AppMessageTester.of(SHOP)
            .configure(builder -> builder.pollDeadline(Duration.ofMillis(300)));

    @AfterAll
    static void close() {
        TESTER.close();
    }

    @Test
    void anAnonymousPollGetsWhatEveryoneGets() {
        PollResult poll = TESTER.poll();
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.json()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\",\"half_done\":1,\"slow\":\"fast\"}}");
        assertThat(poll.data()).containsOnlyKeys("test_msg", "half_done", "slow");
        assertThat(poll.droppedKeys()).isEmpty();
        assertThat(poll.faults()).isEmpty();
    }

    @Test
    void aUserSeesTheirDataWithParametersHeadersAndAttributes() {
        PollResult poll = TESTER.as(Identity.of("alice", Map.of("tenant", "shop-7")))
                .param("shop", "7").header("X-Client", "wxapp").poll();
        assertThat(poll.data("cart")).isEqualTo(Map.of("user", "alice", "items", 2, "shop", "7", "client", "wxapp",
                "tenant", "shop-7"));
        assertThat(poll.code()).isZero();
    }

    @Test
    void aHandlerThatThrowsIsAFaultAndItsKeysAreDropped() {
        PollResult poll = TESTER.as("bob").param("fail", "yes").poll();
        assertThat(poll.droppedKeys()).containsExactly("half_done");
        assertThat(poll.faults()).singleElement().satisfies(fault -> {
            assertThat(fault.handlerId()).isEqualTo("t.Shop#broken");
            assertThat(fault.kind()).isEqualTo(HandlerFault.Kind.THREW);
            assertThat(fault.error()).hasMessage("stock service down");
        });
        assertThat(poll.data()).containsKeys("test_msg", "cart");
    }

    @Test
    void anUnwritableValueIsADroppedKeyAndNoFault() {
        PollResult poll = TESTER.anonymous().param("thread", "yes").poll();
        assertThat(poll.droppedKeys()).containsExactly("thread");
        assertThat(poll.faults()).isEmpty();
    }

    @Test
    void aHandlerPastTheDeadlineIsATimedOutFault() {
        PollResult poll = TESTER.anonymous().param("slow", "yes").poll();
        assertThat(poll.faults()).extracting(HandlerFault::handlerId, HandlerFault::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t.Shop#slow", HandlerFault.Kind.TIMED_OUT));
        assertThat(poll.data()).doesNotContainKey("slow");
    }

    @Test
    void theAppsAuthenticatorAnswersTheAppsOwnTokens() {
        try (AppMessageTester tester = AppMessageTester.of(SHOP)
                .authenticator(token -> token.equals("demo-carol") ? Optional.of(Identity.of("carol")) : Optional.empty())) {
            assertThat(tester.anonymous().header("X-Access-Token", "demo-carol").poll().data("cart"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("user", "carol");
            assertThat(tester.anonymous().header("X-Access-Token", "nobody").poll().data()).doesNotContainKey("cart");
        }
    }
}

package io.appmessage.spring.test;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.RedisOutboxes;
import io.appmessage.testsupport.RedisServer;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll endpoint with {@code appmessage.outbox.store=redis} against a real redis-server, on the Lettuce and
 * Netty a Spring Boot app gets from Boot's dependency management (Boot 3.5: Lettuce 6.6 on Netty 4.1; Boot 4.0:
 * Lettuce 6.8 on Netty 4.2; the runtime is built against Lettuce 7): the whole contract, and a message sent on another node wakes a poll held
 * here.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "appmessage.outbox.store=redis",
        "appmessage.max-body-bytes=1024"})
class RedisOutboxPollEndpointTest extends PollEndpointContract {

    private static RedisServer redis;

    @DynamicPropertySource
    static void redisUri(DynamicPropertyRegistry registry) throws Exception {
        redis = RedisServer.volatileStore();
        registry.add("appmessage.outbox.redis-uri", redis::uri);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    boolean containerReportsClientGone() {
        return true;
    }

    @Test
    void theLettuceAndNettyOfTheBootLine_areTheOnesInUse() {
        String lettuce = RedisClient.class.getPackage().getImplementationVersion();
        String netty = io.netty.util.Version.identify().get("netty-common").artifactVersion();
        if (org.springframework.boot.SpringBootVersion.getVersion().startsWith("3.")) {
            assertThat(lettuce).startsWith("6.");
            assertThat(netty).startsWith("4.1.");
        } else {
            assertThat(lettuce).startsWith("6.8.");
            assertThat(netty).startsWith("4.2.");
        }
    }

    @Test
    void aMessageSentOnAnotherNode_wakesAPollHeldHere() throws Exception {
        try (AppMessageOutbox otherNode = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults())) {
            String cursor = Http.cursorOf(Http.get(port, POLL, "X-Access-Token", "t-ivy").body());
            CompletableFuture<HttpResponse<String>> held = Http.getAsync(port, POLL + "?wait=20&cursor=" + cursor,
                    "X-Access-Token", "t-ivy");
            assertThat(Http.eventually(Duration.ofSeconds(5), () -> server.heldPolls() >= 1)).as("held").isTrue();
            long start = System.nanoTime();
            otherNode.sendJson("ivy", "coupon", "{\"off\":5}");
            HttpResponse<String> answer = held.get(5, TimeUnit.SECONDS);
            assertThat(answer.body()).contains("\"key\":\"coupon\"").contains("\"off\":5");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}

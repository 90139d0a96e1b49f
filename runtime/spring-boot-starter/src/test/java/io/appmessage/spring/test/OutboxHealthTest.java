package io.appmessage.spring.test;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.appmessage.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's health contributor with Actuator, against a real redis-server: UP, DOWN while Redis is
 * stopped (readiness then answers 503, liveness stays UP: the contributor is never in liveness), UP again
 * once Redis is back.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "appmessage.outbox.store=redis",
        "management.endpoints.web.exposure.include=health",
        "management.endpoint.health.probes.enabled=true",
        "management.endpoint.health.show-components=always",
        "management.endpoint.health.show-details=always",
        "management.endpoint.health.group.readiness.include=readinessState,appMessageOutbox"})
class OutboxHealthTest {

    private static RedisServer redis;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void redisUri(DynamicPropertyRegistry registry) throws Exception {
        redis = RedisServer.volatileStore();
        registry.add("appmessage.outbox.redis-uri", redis::uri);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void outboxHealth_isUp_downWhileRedisIsStopped_upAgain_andOnlyInReadiness() throws Exception {
        HttpResponse<String> readiness = Http.get(port, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(outboxStatus(readiness.body())).as(readiness.body()).isEqualTo("UP");
        assertThat(Http.get(port, "/actuator/health/liveness").body()).doesNotContain("appMessageOutbox");

        Logger watchdog = (Logger) LoggerFactory.getLogger("io.lettuce.core.protocol.ConnectionWatchdog");
        ListAppender<ILoggingEvent> reconnects = new ListAppender<>();
        reconnects.start();
        watchdog.addAppender(reconnects);
        watchdog.setAdditive(false); // the client's reconnect warnings while Redis is away: asserted below, not printed
        try {
            redisAwayAndBack();
        } finally {
            watchdog.setAdditive(true);
            watchdog.detachAppender(reconnects);
        }
        // whether the client logged a failed reconnect depends on how fast Redis came back; any it logged is
        // a reconnect warning, nothing else
        assertThat(reconnects.list).allMatch(event -> event.getFormattedMessage().toLowerCase().contains("reconnect"));
    }

    private void redisAwayAndBack() throws Exception {
        redis.stop();
        assertThat(Http.eventually(Duration.ofSeconds(20),
                () -> Http.get(port, "/actuator/health/readiness").statusCode() == 503)).as("DOWN without Redis").isTrue();
        assertThat(outboxStatus(Http.get(port, "/actuator/health/readiness").body())).isEqualTo("DOWN");
        HttpResponse<String> liveness = Http.get(port, "/actuator/health/liveness");
        assertThat(liveness.statusCode()).as("liveness does not depend on Redis").isEqualTo(200);

        redis.restart();
        assertThat(Http.eventually(Duration.ofSeconds(30),
                () -> Http.get(port, "/actuator/health/readiness").statusCode() == 200)).as("UP once Redis is back").isTrue();
        assertThat(outboxStatus(Http.get(port, "/actuator/health/readiness").body())).isEqualTo("UP");
    }

    /** The contributor's status in a health answer (Boot 3 writes status first, Boot 4 sorts the keys). */
    private static String outboxStatus(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\"appMessageOutbox\":\\{(?:\"details\":\\{[^}]*\\},)?\"status\":\"(\\w+)\"").matcher(body);
        return m.find() ? m.group(1) : "absent";
    }
}

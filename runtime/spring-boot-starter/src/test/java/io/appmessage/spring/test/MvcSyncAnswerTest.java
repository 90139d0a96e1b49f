package io.appmessage.spring.test;

import io.appmessage.runtime.AppMessageServer;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Spring MVC (Tomcat), a poll whose handlers all answer synchronously is answered on the container
 * thread as a plain request, without Servlet async; a held long-poll still goes async, so the container
 * thread returns while it waits. Seen by a servlet filter around the whole request: after the chain returns
 * it records whether the request went async and which thread served it.
 */
@SpringBootTest(classes = {TestApp.class, MvcSyncAnswerTest.Probe.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "appmessage.outbox.store=embedded",
        "appmessage.outbox.data-dir=target/outbox-mvc-sync-${random.uuid}"})
class MvcSyncAnswerTest {

    private static final String POLL = "/api/message/index";

    @Value("${local.server.port}")
    int port;
    @Autowired
    AppMessageServer server;
    @Autowired
    Probe probe;

    @Test
    void aPollOfSynchronousHandlers_isAnsweredWithoutServletAsync_onTheContainerThread() {
        HttpResponse<String> answer = Http.get(port, POLL, "X-Access-Token", "t-gina", "X-Probe", "sync");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"greeting\":\"hello gina\"").contains("\"shop_banner\":\"sale today\"");
        Seen seen = probe.seen.get("sync");
        assertThat(seen).as("the filter saw the request").isNotNull();
        assertThat(seen.async()).as("went Servlet async").isFalse();
        assertThat(seen.thread()).as("served by Tomcat's request thread").startsWith("http-nio-");
    }

    @Test
    void aHeldLongPoll_goesAsync_releasingTheContainerThread_andIsAnsweredWhenWoken() throws Exception {
        String cursor = Http.cursorOf(Http.get(port, POLL, "X-Access-Token", "t-hugo").body());
        int before = server.heldPolls();
        CompletableFuture<HttpResponse<String>> held = Http.getAsync(port, POLL + "?wait=20&cursor=" + cursor,
                "X-Access-Token", "t-hugo", "X-Probe", "held");
        assertThat(Http.eventually(Duration.ofSeconds(5), () -> probe.seen.containsKey("held")))
                .as("the container thread returned while the poll is held").isTrue();
        assertThat(probe.seen.get("held").async()).as("went Servlet async").isTrue();
        assertThat(held).isNotDone();
        assertThat(server.heldPolls()).isEqualTo(before + 1);
        server.notifyUser("hugo");
        HttpResponse<String> answer = held.get(5, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"greeting\":\"hello hugo\"");
    }

    /** What the filter saw once the container thread left the chain. */
    record Seen(boolean async, String thread) {
    }

    /** Records, per {@code X-Probe} header, what a request looked like after the filter chain returned. */
    @Configuration(proxyBeanMethods = false)
    static class Probe {

        final Map<String, Seen> seen = new ConcurrentHashMap<>();

        @Bean
        FilterRegistrationBean<Filter> asyncProbe() {
            Filter filter = (request, response, chain) -> {
                chain.doFilter(request, response);
                String name = ((HttpServletRequest) request).getHeader("X-Probe");
                if (name != null) {
                    seen.put(name, new Seen(request.isAsyncStarted(), Thread.currentThread().getName()));
                }
            };
            return new FilterRegistrationBean<>(filter);
        }
    }
}

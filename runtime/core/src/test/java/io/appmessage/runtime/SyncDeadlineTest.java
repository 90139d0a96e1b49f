package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, item 4: a synchronous handler that outlives the poll deadline loses only its own keys;
 * the poll answers at the deadline with what the handlers before it pushed (and the asynchronous
 * ones that completed), without waiting for it.
 */
class SyncDeadlineTest {

    @Test
    void blockedSyncHandler_pollAnswersAtTheDeadlineWithTheEarlierHandlersKeys() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean slowReturned = new AtomicBoolean();
        HandlerDescriptor early = HandlerDescriptor.value("T#early", "", 0, "early", (request, message) -> "ok");
        HandlerDescriptor asyncEarly = HandlerDescriptor.async("T#asyncEarly", "", 1, "async_early",
                (request, message) -> CompletableFuture.completedFuture("ok"));
        HandlerDescriptor slow = HandlerDescriptor.imperative("T#slow", "", 5, (request, message) -> {
            message.push("slow_first", "only when in time");
            boolean released = release.await(20, TimeUnit.SECONDS); // blocks until the test saw the answer
            message.push("slow", released);
            slowReturned.set(true);
            return null;
        });
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.builder(TestRegistry.of(early, asyncEarly, slow))
                     .pollDeadline(Duration.ofMillis(200))
                     .build().start()) {
            HttpResponse<String> answer;
            try {
                answer = Http.getAsync(server, "/api/message/index").get(15, TimeUnit.SECONDS);
                assertThat(slowReturned).as("answered while the slow handler still ran").isFalse();
            } finally {
                release.countDown();
            }
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"early\":\"ok\",\"async_early\":\"ok\"}}");
            assertThat(log.lines("handler T#slow did not complete within the poll deadline of 200 ms")).isEqualTo(1);

            // the worker is free again once the handler returned; the next poll gets every key
            assertThat(Http.get(server, "/api/message/index").body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":"
                    + "{\"early\":\"ok\",\"async_early\":\"ok\",\"slow_first\":\"only when in time\",\"slow\":true}}");
        }
    }
    @Test
    void pushesOfAHandlerPastTheDeadline_growingThePollsLog_neverReachTheAnswer() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        CountDownLatch pushedLate = new CountDownLatch(1);
        HandlerDescriptor many = HandlerDescriptor.imperative("T#many", "", 0, (request, message) -> {
            for (int i = 0; i < 10; i++) { // past the log's first eight places: it grows while handlers run
                message.push("early_" + i, i);
            }
            return null;
        });
        HandlerDescriptor late = HandlerDescriptor.imperative("T#late", "", 5, (request, message) -> {
            message.push("late_first", 0);
            try {
                answered.await(20, TimeUnit.SECONDS); // the poll answers at its deadline meanwhile
            } finally {
                for (int i = 0; i < 40; i++) { // would grow the log again, after the answer froze it
                    message.push("late_" + i, i);
                }
                pushedLate.countDown();
            }
            return null;
        });
        StringBuilder early = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            early.append(i == 0 ? "" : ",").append("\"early_").append(i).append("\":").append(i);
        }
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.builder(TestRegistry.of(many, late))
                     .pollDeadline(Duration.ofMillis(200))
                     .build().start()) {
            HttpResponse<String> answer;
            try {
                answer = Http.getAsync(server, "/api/message/index").get(15, TimeUnit.SECONDS);
            } finally {
                answered.countDown();
            }
            assertThat(pushedLate.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{" + early + "}}");
            assertThat(log.lines("handler T#late did not complete within the poll deadline of 200 ms")).isEqualTo(1);
        }
    }
}

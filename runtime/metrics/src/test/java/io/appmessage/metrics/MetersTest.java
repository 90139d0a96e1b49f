package io.appmessage.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.presence.Presence;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.spi.PollObserver.HandlerOutcome;
import io.appmessage.runtime.spi.PollObserver.HoldEnd;
import io.appmessage.runtime.spi.PollObserver.PollMode;
import io.appmessage.runtime.spi.PollObserver.Refusal;
import io.appmessage.runtime.spi.PollObserver.SendFailure;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The meters as Prometheus shows them, moved by the observer called the way the runtime calls it (the
 * events of one poll in order, from many threads). The same meters over a real server are asserted in the
 * server tests.
 */
class MetersTest {

    private static final List<String> PUBLISHED = List.of(
            "appmessage_polls_total", "appmessage_poll_duration_seconds_bucket", "appmessage_poll_duration_seconds_count",
            "appmessage_polls_in_flight", "appmessage_polls_held", "appmessage_refused_total",
            "appmessage_messages_sent_total", "appmessage_messages_delivered_total",
            "appmessage_delivery_lag_seconds_count", "appmessage_store_unavailable_total", "appmessage_online_users");

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void everyMeterIsPublishedBeforeTheFirstPoll() {
        AppMessageMetrics.create().bindTo(prometheus);

        PrometheusText scrape = PrometheusText.parse(prometheus.scrape());

        for (String name : PUBLISHED) {
            assertThat(scrape.has(name)).as(name).isTrue();
        }
        assertThat(scrape.value("appmessage_polls_total", "outcome", "ok", "mode", "poll")).isZero();
        assertThat(scrape.value("appmessage_refused_total", "reason", "overloaded")).isZero();
        assertThat(scrape.types).containsEntry("appmessage_poll_duration_seconds", "histogram");
    }

    @Test
    void eachMeterMovesWhenItsEventHappens() {
        AppMessageMetrics metrics = AppMessageMetrics.create(Presence.local(Duration.ofSeconds(10)));
        metrics.bindTo(prometheus);
        PollObserver observer = metrics.observer();

        observer.pollAdmitted();
        observer.handlerFinished("com.shop.Orders#status", HandlerOutcome.OK, Duration.ofMillis(3).toNanos());
        observer.handlerFinished("com.shop.Orders#cart", HandlerOutcome.THREW, Duration.ofMillis(1).toNanos());
        PrometheusText during = scrape();
        assertThat(during.value("appmessage_polls_in_flight")).isEqualTo(1);

        observer.holdStarted();
        assertThat(scrape().value("appmessage_polls_held")).isEqualTo(1);
        observer.holdEnded(HoldEnd.WOKEN, Duration.ofMillis(200).toNanos());
        observer.messageDelivered("order_shipped", Instant.now().minusMillis(300));
        observer.pollAnswered("u1", PollMode.LONG_POLL, 200, Duration.ofMillis(210).toNanos(), 120, 1);
        metrics.presence().pollAnswered("u1", PollMode.LONG_POLL, 200, 1, 120, 1);
        observer.pollRefused(Refusal.OVERLOADED);
        observer.pollRefused(Refusal.UNAUTHORIZED);
        observer.messageSent("order_shipped");
        observer.sendFailed("order_shipped", SendFailure.UNAVAILABLE);
        observer.storeUnavailable();

        PrometheusText after = scrape();
        assertThat(after.value("appmessage_polls_total", "outcome", "ok", "mode", "long_poll")).isEqualTo(1);
        assertThat(after.value("appmessage_polls_total", "outcome", "ok", "mode", "poll")).isZero();
        assertThat(after.value("appmessage_polls_in_flight")).isZero();
        assertThat(after.value("appmessage_polls_held")).isZero();
        assertThat(after.value("appmessage_poll_duration_seconds_count")).isEqualTo(1);
        assertThat(after.value("appmessage_poll_duration_seconds_bucket", "le", "0.25")).isEqualTo(1);
        assertThat(after.value("appmessage_poll_duration_seconds_bucket", "le", "0.1")).isZero();
        assertThat(after.value("appmessage_handler_duration_seconds_count", "handler", "com.shop.Orders#status")).isEqualTo(1);
        assertThat(after.value("appmessage_handler_failures_total", "handler", "com.shop.Orders#cart", "kind", "threw")).isEqualTo(1);
        assertThat(after.value("appmessage_handler_failures_total", "handler", "com.shop.Orders#status", "kind", "threw")).isZero();
        assertThat(after.value("appmessage_refused_total", "reason", "overloaded")).isEqualTo(1);
        assertThat(after.value("appmessage_refused_total", "reason", "unauthorized")).isEqualTo(1);
        assertThat(after.value("appmessage_messages_sent_total")).isEqualTo(1);
        assertThat(after.value("appmessage_messages_delivered_total")).isEqualTo(1);
        assertThat(after.value("appmessage_send_failures_total", "failure", "unavailable")).isEqualTo(1);
        assertThat(after.value("appmessage_delivery_lag_seconds_count")).isEqualTo(1);
        assertThat(after.value("appmessage_delivery_lag_seconds_bucket", "le", "0.25")).isZero();
        assertThat(after.value("appmessage_delivery_lag_seconds_bucket", "le", "0.5")).isEqualTo(1);
        assertThat(after.value("appmessage_store_unavailable_total")).isEqualTo(1);
        assertThat(after.value("appmessage_store_up")).isZero();
        assertThat(after.value("appmessage_holds_ended_total", "end", "woken")).isEqualTo(1);
        assertThat(after.value("appmessage_online_users")).isEqualTo(1);

        observer.storeAvailable();
        assertThat(scrape().value("appmessage_store_up")).isEqualTo(1);
    }

    @Test
    void aUserIdNeverBecomesATag() {
        AppMessageMetrics metrics = AppMessageMetrics.create(Presence.local(Presence.DEFAULT_WINDOW));
        metrics.bindTo(prometheus);
        metrics.observer().pollAdmitted();
        metrics.observer().pollAnswered("user-secret-4711", PollMode.POLL, 200, 1_000_000, 10, 0);
        metrics.presence().pollAnswered("user-secret-4711", PollMode.POLL, 200, 1_000_000, 10, 0);

        assertThat(prometheus.scrape()).doesNotContain("user-secret-4711");
        assertThat(scrape().value("appmessage_online_users")).isEqualTo(1);
    }

    @Test
    void countsStayExactUnderConcurrentPolls() throws InterruptedException {
        AppMessageMetrics metrics = AppMessageMetrics.create();
        metrics.bindTo(prometheus);
        PollObserver observer = metrics.observer();
        int threads = 8;
        int pollsEach = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = 0; i < pollsEach; i++) {
                    observer.pollAdmitted();
                    observer.handlerFinished("h#" + (i % 4), HandlerOutcome.OK, 1_000);
                    observer.pollAnswered(null, PollMode.POLL, 200, 50_000, 10, 0);
                }
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();

        PrometheusText after = scrape();
        assertThat(after.value("appmessage_polls_total", "outcome", "ok", "mode", "poll")).isEqualTo(threads * pollsEach);
        assertThat(after.value("appmessage_polls_in_flight")).isZero();
        assertThat(after.sum("appmessage_handler_duration_seconds_count")).isEqualTo(threads * pollsEach);
    }

    @Test
    void oneObserverFeedsEveryRegistryBound() {
        PrometheusMeterRegistry second = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AppMessageMetrics metrics = AppMessageMetrics.create();
        metrics.bindTo(prometheus);
        metrics.observer().pollAdmitted();
        metrics.observer().pollAnswered(null, PollMode.POLL, 503, 1_000, 10, 0);
        metrics.bindTo(second);
        metrics.bindTo(second);
        metrics.observer().pollAdmitted();
        metrics.observer().pollAnswered(null, PollMode.POLL, 503, 1_000, 10, 0);

        assertThat(scrape().value("appmessage_polls_total", "outcome", "server_error", "mode", "poll")).isEqualTo(2);
        assertThat(PrometheusText.parse(second.scrape())
                .value("appmessage_polls_total", "outcome", "server_error", "mode", "poll")).isEqualTo(1);
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(prometheus.scrape());
    }
}

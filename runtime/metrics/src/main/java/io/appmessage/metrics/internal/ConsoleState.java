package io.appmessage.metrics.internal;

import io.appmessage.runtime.Plugins;
import io.appmessage.runtime.presence.Presence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The console's JSON: the node's totals now, read from the meters. The page keeps the previous answer and
 * draws rates and windowed percentiles from the difference, so the server keeps no history.
 */
public final class ConsoleState {

    private final MeterRegistry registry;
    private final Presence presence;
    private final HandlerErrors errors;
    private final Plugins plugins;
    private final String settings;

    public ConsoleState(MeterRegistry registry, Presence presence, HandlerErrors errors, Plugins plugins,
            String settings) {
        this.registry = registry;
        this.presence = presence;
        this.errors = errors;
        this.plugins = plugins;
        this.settings = settings;
    }

    /** The state as JSON. */
    public String json() {
        Json json = new Json().begin();
        json.field("time", System.currentTimeMillis());
        json.field("polls", counted(AppMessageMeters.POLLS, null, null));
        json.field("pollErrors", counted(AppMessageMeters.POLLS, null, null) - counted(AppMessageMeters.POLLS, "outcome", "ok"));
        json.field("longPolls", counted(AppMessageMeters.POLLS, "mode", "long_poll"));
        timer(json, "pollLatency", registry.find(AppMessageMeters.POLL_DURATION).timer());
        json.field("inFlight", gauge(AppMessageMeters.POLLS_IN_FLIGHT));
        json.field("held", gauge(AppMessageMeters.POLLS_HELD));
        json.field("online", presence == null ? 0 : presence.onlineCount());
        json.field("presence", presence != null);
        json.field("sent", counted(AppMessageMeters.MESSAGES_SENT, null, null));
        json.field("delivered", counted(AppMessageMeters.MESSAGES_DELIVERED, null, null));
        json.field("sendFailures", counted(AppMessageMeters.SEND_FAILURES, null, null));
        timer(json, "deliveryLag", registry.find(AppMessageMeters.DELIVERY_LAG).timer());
        json.name("refused").begin();
        for (Counter counter : registry.find(AppMessageMeters.REFUSED).counters()) {
            json.field(counter.getId().getTag("reason"), counter.count());
        }
        json.end();
        json.name("store").begin()
                .field("up", gauge(AppMessageMeters.STORE_UP) > 0)
                .field("unavailable", counted(AppMessageMeters.STORE_UNAVAILABLE, null, null))
                .end();
        handlers(json);
        plugins(json);
        json.field("settings", settings);
        return json.end().toString();
    }

    private void handlers(Json json) {
        Map<String, Double> failures = new TreeMap<>();
        for (Counter counter : registry.find(AppMessageMeters.HANDLER_FAILURES).counters()) {
            failures.merge(counter.getId().getTag("handler"), counter.count(), Double::sum);
        }
        Map<String, Timer> timers = new TreeMap<>();
        for (Timer timer : registry.find(AppMessageMeters.HANDLER_DURATION).timers()) {
            timers.put(timer.getId().getTag("handler"), timer);
        }
        json.name("handlers").beginArray();
        timers.forEach((handler, timer) -> {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            HandlerErrors.LastError lastError = errors.last(handler);
            json.begin()
                    .field("id", handler)
                    .field("calls", snapshot.count())
                    .field("meanMs", round(snapshot.mean(TimeUnit.MILLISECONDS)))
                    .field("p99Ms", round(Percentiles.millis(snapshot, 0.99)))
                    .field("failures", failures.getOrDefault(handler, 0.0))
                    .field("lastError", lastError == null ? null : lastError.message())
                    .field("lastErrorAt", lastError == null ? 0 : lastError.atMillis())
                    .end();
        });
        json.endArray();
    }

    private void plugins(Json json) {
        json.name("plugins").beginArray();
        if (plugins != null) {
            TreeSet<String> names = new TreeSet<>(plugins.known());
            names.addAll(plugins.disabled());
            for (String plugin : names) {
                json.begin().field("name", plugin).field("enabled", plugins.isEnabled(plugin)).end();
            }
        }
        json.endArray();
    }

    /** A timer as count, p50, p99 and its cumulative buckets (ms), for windowed percentiles on the page. */
    private static void timer(Json json, String name, Timer timer) {
        json.name(name).begin();
        if (timer != null) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            json.field("count", snapshot.count())
                    .field("p50Ms", round(Percentiles.millis(snapshot, 0.50)))
                    .field("p99Ms", round(Percentiles.millis(snapshot, 0.99)));
            json.name("buckets").beginArray();
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                json.beginArray().value(bucket.bucket(TimeUnit.MILLISECONDS)).value(bucket.count()).endArray();
            }
            json.endArray();
        }
        json.end();
    }

    private double counted(String name, String tag, String value) {
        var search = registry.find(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private double gauge(String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }
}

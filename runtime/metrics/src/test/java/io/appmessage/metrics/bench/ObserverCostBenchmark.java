package io.appmessage.metrics.bench;

import io.appmessage.metrics.AppMessageMetrics;
import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.presence.Presence;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.spi.PollObserver.HandlerOutcome;
import io.appmessage.runtime.spi.PollObserver.PollMode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the metrics cost per poll, without HTTP and its noise: {@code poll} runs one whole poll of the test
 * app (five handlers) through the runtime's dispatcher on the benchmark's thread, with nothing observing
 * ({@code off}), the meters bound to a Prometheus registry ({@code meters}) or meters and presence
 * ({@code on}); {@code observerEvents} sends the observer the events of one such poll, alone. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes a poll allocates.
 *
 * <pre>{@code
 * runtime/metrics/bench/observer-cost.sh          # java -cp … org.openjdk.jmh.Main ObserverCostBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObserverCostBenchmark {

    private static final String[] HANDLERS = {
        "io.appmessage.metrics.demo.LogProbeHandlers#first",
        "io.appmessage.metrics.demo.LogProbeHandlers#second",
        "io.appmessage.metrics.demo.ShopHandlers#status",
        "io.appmessage.metrics.demo.WxappHandlers#pluginMessages",
    };

    @Param({"off", "meters", "on"})
    public String metrics;

    private AppMessageServer server;
    private AppMessageDispatcher dispatcher;
    private Presence presence;
    private PrometheusMeterRegistry registry;
    private PollObserver observer;
    private final Function<String, String> headers = name -> name.equalsIgnoreCase("X-Access-Token") ? "user-1" : null;

    @Setup(Level.Trial)
    public void setUp() {
        AppMessageServer.Builder builder = AppMessageServer.builder()
                .port(0)
                .disabledPlugins("faulty")
                .authenticator(token -> Optional.of(Identity.of(token)))
                .dispatcherExecutor(Runnable::run);
        presence = Presence.local(Presence.DEFAULT_WINDOW);
        AppMessageMetrics meters = AppMessageMetrics.create(presence);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        meters.bindTo(registry);
        observer = meters.observer();
        if (!metrics.equals("off")) {
            builder.observer(meters.observer());
        }
        if (metrics.equals("on")) {
            builder.presence(presence);
        }
        server = builder.build();
        dispatcher = server.dispatcher();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
        presence.close();
        registry.close();
    }

    @Benchmark
    public byte[] poll() {
        return dispatcher.poll("GET", null, headers).toCompletableFuture().join().body();
    }

    /** The observer's share of one poll: admitted, four handlers, answered (the meters alone, whatever the param). */
    @Benchmark
    public PollObserver observerEvents() {
        observer.pollAdmitted();
        for (String handler : HANDLERS) {
            observer.handlerFinished(handler, HandlerOutcome.OK, 2_000);
        }
        observer.pollAnswered("user-1", PollMode.POLL, 200, 50_000, 200, 0);
        return observer;
    }
}

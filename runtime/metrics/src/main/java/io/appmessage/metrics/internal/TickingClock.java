package io.appmessage.metrics.internal;

import io.micrometer.core.instrument.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer's clock for the registry the management listener creates: the wall time is a field a daemon
 * thread refreshes every {@value #TICK_MILLIS} ms, not a system call. Every timer record reads the wall time
 * twice (its decaying maximum and its histogram check whether to rotate), and on virtual machines whose
 * clock source is not the TSC that read costs as much as the rest of the record; those windows are tens of
 * seconds long, so a 10 ms tick changes nothing they show. Durations still come from the runtime's
 * {@code System.nanoTime()}.
 *
 * <pre>{@code
 * TickingClock clock = new TickingClock();
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
 * // at shutdown
 * registry.close(); clock.close();
 * }</pre>
 */
public final class TickingClock implements Clock, AutoCloseable {

    static final long TICK_MILLIS = 10;

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "appmessage-metrics-clock");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long wallTime = System.currentTimeMillis();

    public TickingClock() {
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        wallTime = System.currentTimeMillis();
    }

    @Override
    public long wallTime() {
        return wallTime;
    }

    @Override
    public long monotonicTime() {
        return System.nanoTime();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

package io.appmessage.metrics.bench;

import io.appmessage.metrics.AppMessageMetrics;
import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.presence.Presence;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.appmessage.metrics.internal.TickingClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * CPU time and bytes of one whole poll (no HTTP) with metrics off, an observer that does nothing (what
 * the runtime spends for any observer), the meters in a registry on Micrometer's default clock (as before
 * the management registry's clock ticked), the meters as the management listener registers them, and
 * meters + presence,
 * measured with the thread's own CPU clock and allocation counter, so other processes on a shared machine
 * do not count (a wall-clock benchmark there measures the machine's load). Rounds alternate the three
 * setups; each figure is the median over rounds.
 *
 * <pre>{@code
 * java -cp … io.appmessage.metrics.bench.PollCpuCost [rounds, default 9] [polls per round, default 200000]
 * }</pre>
 */
public final class PollCpuCost {

    private static final String[] MODES = System.getProperty("modes", "off,noop,meters-system-clock,meters,on").split(",");

    private PollCpuCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int polls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AppMessageDispatcher[] dispatchers = new AppMessageDispatcher[MODES.length];
        for (int m = 0; m < MODES.length; m++) {
            dispatchers[m] = dispatcher(MODES[m]);
        }
        Function<String, String> headers = name -> name.equalsIgnoreCase("X-Access-Token") ? "user-1" : null;
        double[][] nanos = new double[MODES.length][rounds];
        double[][] bytes = new double[MODES.length][rounds];
        for (int m = 0; m < MODES.length; m++) { // warm-up
            run(dispatchers[m], headers, polls);
        }
        long self = Thread.currentThread().getId();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < MODES.length; i++) {
                int m = (r + i) % MODES.length; // each round starts with another setup
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getThreadAllocatedBytes(self);
                run(dispatchers[m], headers, polls);
                nanos[m][r] = (threads.getCurrentThreadCpuTime() - cpu) / (double) polls;
                bytes[m][r] = (threads.getThreadAllocatedBytes(self) - allocated) / (double) polls;
            }
        }
        double off = median(nanos[0]);
        for (int m = 0; m < MODES.length; m++) {
            System.out.printf("RESULT mode=%s cpu_ns_per_poll=%.0f bytes_per_poll=%.0f vs_off=%.3f%n", MODES[m],
                    median(nanos[m]), median(bytes[m]), median(nanos[m]) / off);
        }
        System.exit(0);
    }

    private static void run(AppMessageDispatcher dispatcher, Function<String, String> headers, int polls) {
        int sink = 0;
        for (int i = 0; i < polls; i++) {
            sink += dispatcher.poll("GET", null, headers).toCompletableFuture().join().body().length;
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static AppMessageDispatcher dispatcher(String mode) {
        AppMessageServer.Builder builder = AppMessageServer.builder()
                .port(0)
                .disabledPlugins("faulty")
                .authenticator(token -> Optional.of(Identity.of(token)))
                .dispatcherExecutor(Runnable::run);
        if (mode.equals("noop")) {
            builder.observer(new io.appmessage.runtime.spi.PollObserver() { });
        } else if (!mode.equals("off")) {
            Presence presence = Presence.local(Presence.DEFAULT_WINDOW);
            AppMessageMetrics metrics = AppMessageMetrics.create(presence);
            // as the management listener makes it (its clock ticks), or on Micrometer's default clock
            metrics.bindTo(mode.endsWith("-system-clock")
                    ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
                    : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), new TickingClock()));
            builder.observer(metrics.observer());
            if (mode.equals("on")) {
                builder.presence(presence);
            }
        }
        return builder.build().dispatcher();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

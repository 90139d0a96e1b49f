package io.appmessage.benchmarks.load;

import java.util.Locale;

/**
 * What one {@link OpenLoopLoad} run measured; latencies in nanoseconds, sorted, from each request's intended send time.
 *
 * <pre>{@code
 * OpenLoopResult r = OpenLoopLoad.run(options);
 * r.resultLine();   // "RESULT target_rate=… achieved_rate=… p50_ms=… p99_ms=…"
 * }</pre>
 */
public record OpenLoopResult(int targetRate, double measuredSeconds, long sent, long ok, long non2xx, long ioErrors,
                     long timeouts, long[] latencies) {

    long percentile(double p) {
        if (latencies.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
        return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
    }

    public long errors() {
        return non2xx + ioErrors + timeouts;
    }

    public double achievedRate() {
        return latencies.length / measuredSeconds;
    }

    public String resultLine() {
        return String.format(Locale.ROOT,
                "RESULT target_rate=%d achieved_rate=%.0f measured=%d ok=%d non2xx=%d io_errors=%d timeouts=%d "
                        + "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f",
                targetRate, achievedRate(), latencies.length, ok, non2xx, ioErrors, timeouts,
                ms(percentile(50)), ms(percentile(90)), ms(percentile(99)), ms(percentile(99.9)),
                ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}

package io.appmessage.benchmarks.delivery;

import java.util.Arrays;
import java.util.Locale;

/**
 * A growable list of latencies (any unit) and its exact percentiles: every sample is kept and sorted, since
 * the delivery benchmarks collect at most a few hundred thousand.
 *
 * <pre>{@code
 * Percentiles p = new Percentiles();
 * p.add(micros);
 * p.summary(1_000.0)   // "p50=1.234 p99=5.678 max=9.000" in ms when the samples are in µs
 * }</pre>
 */
public final class Percentiles {
    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public synchronized void addAll(Percentiles other) {
        long[] theirs;
        int count;
        synchronized (other) {
            theirs = other.values;
            count = other.size;
        }
        for (int i = 0; i < count; i++) {
            add(theirs[i]);
        }
    }

    public synchronized int size() {
        return size;
    }

    /** The p-th percentile (nearest rank), 0 when empty. */
    public synchronized long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))];
    }

    /** {@code <prefix>p50=… <prefix>p99=… <prefix>max=…}, each divided by {@code unit} (e.g. 1,000 for µs → ms). */
    public String fields(String prefix, double unit) {
        return String.format(Locale.ROOT, "%sp50_ms=%.3f %sp99_ms=%.3f %smax_ms=%.3f",
                prefix, percentile(50) / unit, prefix, percentile(99) / unit, prefix, percentile(100) / unit);
    }
}

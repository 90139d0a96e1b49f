package io.appmessage.benchmarks.topics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where this JVM's CPU went between {@link #begin} and {@link #end}, summed over the measured windows: the
 * I/O threads, the topic wake-up thread, everything else, and the collectors' time. CPU time, unlike a
 * latency, hardly depends on how busy the machine is, so it compares two builds fairly on a loaded machine.
 *
 * <pre>{@code
 * ServerCpu cpu = new ServerCpu();
 * cpu.begin(); ... cpu.end(); cpu.fields(5)   // "server_cpu_ms_per_publish=… io=… wake=… other=… gc_ms=…"
 * }</pre>
 */
final class ServerCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> atBegin = Map.of();
    private long gcAtBegin;
    private long io;
    private long wake;
    private long other;
    private long gc;

    void begin() {
        atBegin = snapshot();
        gcAtBegin = gcMillis();
    }

    void end() {
        Map<Long, Long> now = snapshot();
        for (ThreadInfo info : threads.getThreadInfo(now.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info == null) {
                continue;
            }
            long used = now.get(info.getThreadId()) - atBegin.getOrDefault(info.getThreadId(), 0L);
            if (info.getThreadName().contains("I/O-")) {
                io += used;
            } else if (info.getThreadName().equals("appmessage-topic-wake")) {
                wake += used;
            } else {
                other += used;
            }
        }
        gc += gcMillis() - gcAtBegin;
    }

    /** Per publish, over {@code windows} measured ones. */
    String fields(int windows) {
        int n = Math.max(1, windows);
        return String.format(Locale.ROOT, "server_cpu_ms_per_publish=%.1f server_io_cpu_ms=%.1f server_wake_cpu_ms=%.1f"
                + " server_other_cpu_ms=%.1f server_gc_ms=%.1f", (io + wake + other) / 1e6 / n, io / 1e6 / n,
                wake / 1e6 / n, other / 1e6 / n, gc / (double) n);
    }

    private Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, bean.getCollectionTime());
        }
        return sum;
    }
}

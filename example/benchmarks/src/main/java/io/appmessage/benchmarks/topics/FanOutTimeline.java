package io.appmessage.benchmarks.topics;

import io.appmessage.runtime.spi.PollObserver;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's side of one fan-out, as an observer of the real server: when each woken hold ended and when
 * each long-poll answer was handed to the transport, in ns after the publish began, so a run can tell the
 * server's part (wake-up, answers) from the client's. Lock-free: it is called on the wake-up thread and every
 * I/O thread at once; samples beyond the capacity are dropped.
 *
 * <pre>{@code
 * FanOutTimeline timeline = new FanOutTimeline(10_000, 5);
 * builder.observer(timeline);
 * timeline.begin(); outbox.publishJson(...); ... timeline.end(true); timeline.fields()   // "server_woken_last_ms=… server_answered_p50_ms=…"
 * }</pre>
 */
final class FanOutTimeline implements PollObserver {

    private final long[] woken;
    private final long[] answered;
    private final AtomicInteger wokenCount = new AtomicInteger();
    private final AtomicInteger answeredCount = new AtomicInteger();
    private volatile long beganAt;
    private volatile boolean recording;
    private long wokenLast;
    private final long[][] answeredAll;
    private int windows;

    FanOutTimeline(int capacity, int maxWindows) {
        this.woken = new long[capacity];
        this.answered = new long[capacity];
        this.answeredAll = new long[maxWindows][];
    }

    /** A publish begins now: samples from here on belong to it. */
    void begin() {
        wokenCount.set(0);
        answeredCount.set(0);
        beganAt = System.nanoTime();
        recording = true;
    }

    /** The publish's answers are in: keep this window's samples (when {@code measured}) and stop recording. */
    void end(boolean measured) {
        recording = false;
        if (!measured || windows == answeredAll.length) {
            return;
        }
        int w = Math.min(wokenCount.get(), woken.length);
        long last = 0;
        for (int i = 0; i < w; i++) {
            last = Math.max(last, woken[i]);
        }
        wokenLast = Math.max(wokenLast, last);
        answeredAll[windows++] = Arrays.copyOf(answered, Math.min(answeredCount.get(), answered.length));
    }

    @Override
    public void holdEnded(HoldEnd end, long heldNanos) {
        if (recording && end == HoldEnd.WOKEN) {
            int i = wokenCount.getAndIncrement();
            if (i < woken.length) {
                woken[i] = System.nanoTime() - beganAt;
            }
        }
    }

    @Override
    public void pollAnswered(String userId, PollMode mode, int status, long durationNanos, int bytes, int messagesDelivered) {
        if (recording && messagesDelivered > 0) {
            int i = answeredCount.getAndIncrement();
            if (i < answered.length) {
                answered[i] = System.nanoTime() - beganAt;
            }
        }
    }

    /** The worst last wake-up, and the answers' p50 / p99 / last over every measured publish, in ms after its start. */
    String fields() {
        long[] all = Arrays.stream(answeredAll, 0, windows).flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format(Locale.ROOT, "server_woken_last_ms=%.1f server_answered_p50_ms=%.1f server_answered_p99_ms=%.1f"
                + " server_answered_max_ms=%.1f", wokenLast / 1e6, rank(all, 50) / 1e6, rank(all, 99) / 1e6,
                rank(all, 100) / 1e6);
    }

    private static long rank(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1))];
    }
}

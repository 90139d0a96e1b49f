package io.appmessage.benchmarks.topics;

import io.appmessage.benchmarks.delivery.SendStamp;
import io.appmessage.benchmarks.load.HeldPollsWait;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The paced mode of {@link TopicFanOutBenchmark}: publishes at a fixed rate per step, rates stepping up, until a
 * step is not sustained. Publish {@code i} of a step is due at {@code start + i / rate} and stamped with that due
 * time (open loop: a publisher that falls behind counts its delay in every freshness, never hides it); up to
 * {@code threads} publishes run at once. After each step every subscriber must hold a poll again (caught up)
 * within the drain time, then the subscriber JVM reports the step ({@code mark} → {@code STEP}).
 *
 * <p>A step is sustained when the publishes started on schedule (at least 95% of the rate), every subscriber got
 * every message once, in order ({@code messages = published × subscribers}, no repeat, no gap, no
 * {@code recovered:false}), and freshness p99 (answer read − due time) is at most {@code --max-p99-ms}.
 *
 * <pre>{@code
 * String fields = PacedSteps.run(options, server, outbox, lines, toChild);  // paced_sustained_per_s=… paced_steps=…
 * }</pre>
 */
final class PacedSteps {

    private static final long DRAIN_MILLIS = 15_000;

    private PacedSteps() {
    }

    record Step(int rate, long published, double achieved, boolean drained, String counts, boolean sustained) {
        String brief() {
            return rate + ":" + (sustained ? "ok" : "no") + ":" + String.format(Locale.ROOT, "%.0f", achieved) + "/s:p99="
                    + TopicFanOutBenchmark.field(counts, "freshness_p99_ms") + "ms";
        }
    }

    static String run(TopicFanOutBenchmark.Options options, AppMessageServer server, AppMessageOutbox outbox,
                      BlockingQueue<String> lines, PrintStream toChild) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        Step best = null;
        for (int rate : options.rates()) {
            Step step = step(options, rate, server, outbox, lines, toChild);
            steps.add(step);
            System.err.println("paced step: " + step.brief() + " " + step.counts());
            if (!step.sustained()) {
                break;
            }
            best = step;
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "paced_steps=%s step_s=%.1f max_p99_ms=%d",
                String.join(",", steps.stream().map(Step::brief).toList()), options.windowSeconds(), options.maxP99Millis()));
        Step shown = best != null ? best : steps.get(0); // none sustained: the lowest rate's figures, to show why
        return out.append(String.format(Locale.ROOT, " paced_sustained_per_s=%d publishes_per_s=%.0f published=%d expected=%d"
                        + " %s", best != null ? best.rate() : 0, shown.achieved(), shown.published(),
                shown.published() * options.subscribers(), shown.counts().substring("STEP ".length()))).toString();
    }

    private static Step step(TopicFanOutBenchmark.Options options, int rate, AppMessageServer server,
                             AppMessageOutbox outbox, BlockingQueue<String> lines, PrintStream toChild)
            throws InterruptedException {
        toChild.println("mark"); // the step's counts start here
        TopicFanOutBenchmark.await(lines, "STEP", 30);
        long count = Math.max(1, Math.round(rate * options.windowSeconds()));
        long intervalNanos = 1_000_000_000L / rate;
        AtomicLong next = new AtomicLong();
        AtomicLong published = new AtomicLong();
        AtomicLong lastStart = new AtomicLong();
        long startNanos = System.nanoTime() + 20_000_000L;
        long startMicros = SendStamp.nowMicros() + 20_000L;
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            Thread thread = new Thread(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long due = startNanos + i * intervalNanos;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    long started = System.nanoTime();
                    lastStart.accumulateAndGet(started, Math::max);
                    outbox.publishJson(TopicFanOutBenchmark.TOPIC, "bench", SendStamp.json(startMicros + i * intervalNanos / 1_000));
                    published.incrementAndGet();
                }
            }, "paced-publisher-" + t);
            thread.start();
            publishers.add(thread);
        }
        for (Thread thread : publishers) {
            thread.join();
        }
        // the rate the publishes started at: a late start shows, the last publish's own latency does not
        double seconds = (lastStart.get() - startNanos + intervalNanos) / 1e9;
        double achieved = published.get() / Math.max(seconds, options.windowSeconds());
        boolean drained = HeldPollsWait.until(server::heldPolls, options.subscribers(), DRAIN_MILLIS) >= options.subscribers();
        Thread.sleep(200); // the last answers' next polls are parked: every answer was read
        toChild.println("mark");
        String counts = TopicFanOutBenchmark.await(lines, "STEP", 30);
        long expected = published.get() * options.subscribers();
        boolean sustained = achieved >= 0.95 * rate && drained
                && Long.parseLong(TopicFanOutBenchmark.field(counts, "messages")) == expected
                && TopicFanOutBenchmark.field(counts, "duplicates").equals("0")
                && TopicFanOutBenchmark.field(counts, "gaps").equals("0")
                && TopicFanOutBenchmark.field(counts, "not_recovered").equals("0")
                && Double.parseDouble(TopicFanOutBenchmark.field(counts, "freshness_p99_ms")) <= options.maxP99Millis();
        return new Step(rate, published.get(), achieved, drained, counts, sustained);
    }
}

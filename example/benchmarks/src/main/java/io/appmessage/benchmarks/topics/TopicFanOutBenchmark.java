package io.appmessage.benchmarks.topics;

import io.appmessage.benchmarks.apps.PollApp;
import io.appmessage.benchmarks.delivery.Percentiles;
import io.appmessage.benchmarks.delivery.SendStamp;
import io.appmessage.benchmarks.load.Clock;
import io.appmessage.benchmarks.load.HeldPollsWait;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Topic fan-out: one publish to a topic that many clients long-poll, on one node.
 *
 * <ul>
 *   <li>{@code --mode freshness}: {@code --warmup} publishes, then {@code --publishes} measured ones, one every
 *       {@code --interval-ms} at least, each once all {@code --subscribers} hold a poll again; freshness = the time a subscriber
 *       read the last byte of its answer − the time {@code outbox.publishJson} returned (the acknowledgement),
 *       percentiles over every subscriber of every measured publish. The server's part is reported beside it
 *       ({@code server_*}: when the last hold was woken, when the answers were handed to the transport, and the
 *       server's CPU per publish from the publish until every subscriber holds its next poll).</li>
 *   <li>{@code --mode throughput}: {@code --threads} publishers back to back for {@code --window} seconds;
 *       publishes/s, and whether every subscriber received every message (freshness from the publish's start).
 *       It offers overload, so its rate is what the publishers managed, not what every subscriber kept up with.</li>
 *   <li>{@code --mode paced}: fixed publish rates ({@code --rates}, each for {@code --window} seconds, up to
 *       {@code --threads} publishes at once) stepping up until one is not sustained ({@link PacedSteps}); the
 *       highest sustained rate is {@code paced_sustained_per_s}.</li>
 * </ul>
 *
 * <p>This JVM runs the real {@code AppMessageServer} ({@link PollApp}, an embedded outbox in a temp directory,
 * long-poll on, topics {@code bench:*} public) and the publisher; a child JVM ({@link TopicSubscribers})
 * simulates the subscribers over raw NIO on one thread and states its own CPU cost per answer. It runs the serial
 * collector: one thread needs no concurrent one, and under G1 the JVM's own work (card refinement most of it) was
 * 18% of the client's CPU samples on the cores it shares with the server.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.appmessage.benchmarks.topics.TopicFanOutBenchmark --mode freshness --subscribers 10000
 * }</pre>
 *
 * Prints one {@code RESULT} line.
 */
public final class TopicFanOutBenchmark {

    static final String TOPIC = "bench:1";

    private TopicFanOutBenchmark() {
    }

    record Options(String mode, int subscribers, int warmup, int publishes, long intervalMillis, int threads,
                   double windowSeconds, List<Integer> rates, int maxP99Millis) {
        static Options parse(String[] args) {
            String mode = "freshness";
            int subscribers = 10_000;
            int warmup = 3;
            int publishes = 5;
            long interval = 1_000;
            int threads = 4;
            double window = 10;
            List<Integer> rates = List.of(10, 25, 50, 100, 200, 400, 600, 800, 1_000, 1_500, 2_000);
            int maxP99 = 250;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--mode" -> mode = value;
                    case "--subscribers" -> subscribers = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--publishes" -> publishes = Integer.parseInt(value);
                    case "--interval-ms" -> interval = Long.parseLong(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--window" -> window = Double.parseDouble(value);
                    case "--rates" -> rates = java.util.Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
                    case "--max-p99-ms" -> maxP99 = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --mode"
                            + " freshness|throughput|paced --subscribers --warmup --publishes --interval-ms --threads --window"
                            + " --rates --max-p99-ms");
                }
            }
            if (!List.of("freshness", "throughput", "paced").contains(mode)) {
                throw new IllegalArgumentException("--mode is freshness, throughput or paced, not " + mode);
            }
            return new Options(mode, subscribers, warmup, publishes, interval, threads, window, rates, maxP99);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        Options options = Options.parse(args);
        Path dataDir = Files.createTempDirectory("appmessage-fanout");
        FanOutTimeline timeline = new FanOutTimeline(options.subscribers(), Math.max(1, options.publishes()));
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = PollApp.builder().port(0).outbox(outbox).longPoll(true)
                     .publicTopics("bench:*").observer(timeline).build().start()) {
            System.out.println(run(options, server, outbox, timeline));
        } finally {
            deleteTree(dataDir);
        }
        System.exit(0); // the server's non-daemon threads are closed; do not wait for stragglers
    }

    private static String run(Options options, AppMessageServer server, AppMessageOutbox outbox, FanOutTimeline timeline)
            throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), TopicSubscribers.class.getName(),
                Integer.toString(server.port()), Integer.toString(options.subscribers()), TOPIC, "25",
                options.mode().equals("paced") ? "paced" : "kept")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, "subscriber-output");
        reader.setDaemon(true);
        reader.start();
        PrintStream toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
        try {
            await(lines, "ready", 180);
            int heldAtStart = HeldPollsWait.until(server::heldPolls, options.subscribers(), 60_000);
            String published = switch (options.mode()) {
                case "freshness" -> freshness(options, server, outbox, timeline, toChild);
                case "paced" -> PacedSteps.run(options, server, outbox, lines, toChild);
                default -> throughput(options, outbox);
            };
            // caught up: a subscriber behind the topic's head is answered at once, so only one that has every
            // message holds a poll (bounded: a busy machine may take a while to drain a throughput run)
            HeldPollsWait.until(server::heldPolls, options.subscribers(), 120_000);
            Thread.sleep(500);
            toChild.println("stop");
            String result = await(lines, "RESULT", 60).substring("RESULT ".length());
            if (options.mode().equals("throughput")) { // no acknowledgements: freshness from each publish's start
                result = result.replaceAll("freshness_\\S+ ", "").replace("since_publish_start_", "freshness_");
            }
            if (options.mode().equals("paced")) { // the sustained step's own figures come last, and win
                return String.format(Locale.ROOT, "RESULT mode=paced subscribers=%d held_at_start=%d %s %s",
                        options.subscribers(), heldAtStart, result.replaceAll("(freshness|since_publish_start)_\\S+ ", ""),
                        published);
            }
            return String.format(Locale.ROOT, "RESULT mode=%s subscribers=%d held_at_start=%d %s %s", options.mode(),
                    options.subscribers(), heldAtStart, published, result);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(1_000); // the server sees the sockets close before it shuts down
        }
    }

    /** Warm-up publishes, then the measured ones, one per interval, each once every subscriber holds a poll again. */
    private static String freshness(Options options, AppMessageServer server, AppMessageOutbox outbox,
                                    FanOutTimeline timeline, PrintStream toChild) throws InterruptedException {
        Percentiles publishLatency = new Percentiles();
        ServerCpu cpu = new ServerCpu();
        int heldMin = Integer.MAX_VALUE;
        for (int i = 0; i < options.warmup() + options.publishes(); i++) {
            boolean measured = i >= options.warmup();
            int held = server.heldPolls();
            timeline.begin();
            if (measured) {
                cpu.begin();
            }
            long t = Clock.nowMicros();
            long id = outbox.publishJson(TOPIC, "bench", SendStamp.json(t));
            long ack = Clock.nowMicros();
            toChild.println("ack " + id + " " + ack + " " + (measured ? 1 : 0));
            Thread.sleep(options.intervalMillis());
            // the fan-out ends when every subscriber holds its next poll: answers written, next polls parked
            HeldPollsWait.until(server::heldPolls, options.subscribers(), 60_000);
            timeline.end(measured);
            if (measured) {
                cpu.end();
                heldMin = Math.min(heldMin, held);
                publishLatency.add(ack - t);
            }
        }
        return "warmup=" + options.warmup() + " published=" + options.publishes() + " expected="
                + (long) options.publishes() * options.subscribers() + " held_min=" + heldMin + " "
                + publishLatency.fields("publish_", 1_000.0) + " " + timeline.fields() + " " + cpu.fields(options.publishes());
    }

    /** {@code threads} publishers back to back for the window. */
    private static String throughput(Options options, AppMessageOutbox outbox) throws InterruptedException {
        AtomicLong published = new AtomicLong();
        long end = System.nanoTime() + (long) (options.windowSeconds() * 1e9);
        List<Thread> publishers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < options.threads(); i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    outbox.publishJson(TOPIC, "bench", SendStamp.json(Clock.nowMicros()));
                    published.incrementAndGet();
                }
            }, "publisher-" + i);
            t.start();
            publishers.add(t);
        }
        for (Thread t : publishers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "published=%d expected=%d publishes_per_s=%.0f threads=%d window_s=%.1f",
                published.get(), published.get() * options.subscribers(), published.get() / seconds, options.threads(), seconds);
    }

    /** The value of {@code name=} in a {@code key=value} line, or "" when absent. */
    static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "";
    }

    static String await(BlockingQueue<String> lines, String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("the subscriber JVM did not print '" + prefix + "' within " + seconds + " s");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

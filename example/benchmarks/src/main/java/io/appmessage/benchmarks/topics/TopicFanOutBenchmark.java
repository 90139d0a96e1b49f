package io.appmessage.benchmarks.topics;

import io.appmessage.benchmarks.apps.PollApp;
import io.appmessage.benchmarks.delivery.Percentiles;
import io.appmessage.benchmarks.delivery.SendStamp;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *   <li>{@code --mode freshness}: {@code --publishes} messages, one every {@code --interval-ms}, to a topic
 *       with {@code --subscribers} held polls; freshness = each subscriber's receipt time − the time just
 *       before {@code outbox.publishJson} (so it includes the durable publish).</li>
 *   <li>{@code --mode throughput}: {@code --threads} publishers back to back for {@code --window} seconds;
 *       publishes/s, and whether every subscriber received every message (and how fresh).</li>
 * </ul>
 *
 * <p>This JVM runs the real {@code AppMessageServer} ({@link PollApp}, an embedded outbox in a temp directory,
 * long-poll on, topics {@code bench:*} public) and the publisher; a child JVM ({@link TopicSubscribers})
 * simulates the subscribers over raw NIO.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.appmessage.benchmarks.topics.TopicFanOutBenchmark --mode freshness --subscribers 10000
 * }</pre>
 *
 * Prints one {@code RESULT} line.
 */
public final class TopicFanOutBenchmark {

    private static final String TOPIC = "bench:1";

    private TopicFanOutBenchmark() {
    }

    record Options(String mode, int subscribers, int publishes, long intervalMillis, int threads, double windowSeconds) {
        static Options parse(String[] args) {
            String mode = "freshness";
            int subscribers = 10_000;
            int publishes = 10;
            long interval = 1_000;
            int threads = 4;
            double window = 10;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--mode" -> mode = value;
                    case "--subscribers" -> subscribers = Integer.parseInt(value);
                    case "--publishes" -> publishes = Integer.parseInt(value);
                    case "--interval-ms" -> interval = Long.parseLong(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--window" -> window = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --mode"
                            + " freshness|throughput --subscribers --publishes --interval-ms --threads --window");
                }
            }
            if (!mode.equals("freshness") && !mode.equals("throughput")) {
                throw new IllegalArgumentException("--mode is freshness or throughput, not " + mode);
            }
            return new Options(mode, subscribers, publishes, interval, threads, window);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        Options options = Options.parse(args);
        Path dataDir = Files.createTempDirectory("appmessage-fanout");
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = PollApp.builder().port(0).outbox(outbox).longPoll(true)
                     .publicTopics("bench:*").build().start()) {
            System.out.println(run(options, server, outbox));
        } finally {
            deleteTree(dataDir);
        }
        System.exit(0); // the server's non-daemon threads are closed; do not wait for stragglers
    }

    private static String run(Options options, AppMessageServer server, AppMessageOutbox outbox) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), TopicSubscribers.class.getName(),
                Integer.toString(server.port()), Integer.toString(options.subscribers()), TOPIC, "25")
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
        try {
            await(lines, "ready", 180);
            awaitHeld(server, options.subscribers());
            int heldAtStart = server.heldPolls();
            String published = options.mode().equals("freshness") ? freshness(options, server, outbox)
                    : throughput(options, outbox);
            Thread.sleep(3_000); // the last answers reach the subscribers
            OutputStream stdin = child.getOutputStream();
            stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            String result = await(lines, "RESULT", 60);
            return String.format(Locale.ROOT, "RESULT mode=%s subscribers=%d held_at_start=%d %s %s", options.mode(),
                    options.subscribers(), heldAtStart, published, result.substring("RESULT ".length())
                            .replace("p50_ms", "freshness_p50_ms").replace("p99_ms", "freshness_p99_ms")
                            .replace("max_ms", "freshness_max_ms"));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(1_000); // the server sees the sockets close before it shuts down
        }
    }

    /** One publish per interval, each once every subscriber holds a poll again. */
    private static String freshness(Options options, AppMessageServer server, AppMessageOutbox outbox)
            throws InterruptedException {
        Percentiles publishLatency = new Percentiles();
        int heldMin = Integer.MAX_VALUE;
        for (int i = 0; i < options.publishes(); i++) {
            Thread.sleep(options.intervalMillis());
            awaitHeld(server, options.subscribers());
            heldMin = Math.min(heldMin, server.heldPolls());
            long t = SendStamp.nowMicros();
            outbox.publishJson(TOPIC, "bench", SendStamp.json(t));
            publishLatency.add(SendStamp.nowMicros() - t);
        }
        return "published=" + options.publishes() + " expected=" + (long) options.publishes() * options.subscribers()
                + " held_min=" + heldMin + " " + publishLatency.fields("publish_", 1_000.0);
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
                    outbox.publishJson(TOPIC, "bench", SendStamp.json(SendStamp.nowMicros()));
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

    private static void awaitHeld(AppMessageServer server, int subscribers) throws InterruptedException {
        for (int i = 0; i < 600 && server.heldPolls() < subscribers; i++) {
            Thread.sleep(10);
        }
    }

    private static String await(BlockingQueue<String> lines, String prefix, int seconds) throws InterruptedException {
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
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

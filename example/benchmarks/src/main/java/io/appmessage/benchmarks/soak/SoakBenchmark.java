package io.appmessage.benchmarks.soak;

import io.appmessage.benchmarks.apps.PollApp;
import io.appmessage.benchmarks.delivery.SendStamp;
import io.appmessage.benchmarks.load.HeldPollsWait;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.RedisOutboxes;
import io.appmessage.testsupport.RedisServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A soak: for {@code --minutes}, {@code --clients} connections (half polling every 5 s, half long-polling,
 * two devices per user, in a child JVM: {@link SoakClients}) against PollApp's real {@code AppMessageServer}
 * with an outbox ({@code --store embedded} in a temp directory, or {@code redis}: a private redis-server),
 * plus a steady stream of {@code --rate} sends a second to random users. Every {@code --sample-seconds} this
 * JVM (the server's) records its heap after a full GC, its open files ({@code /proc/self/fd}), its threads and
 * the held polls ({@code SAMPLE} lines); at the end one {@code RESULT} line: the samples' first / last / max,
 * send failures, client errors, and the delivery check (every acknowledged send reached both devices of its
 * user exactly once: no duplicates, no gaps, nothing missing; a send that timed out may have been stored and
 * delivered as well).
 *
 * <pre>{@code
 * java -Xmx512m -cp target/benchmarks.jar io.appmessage.benchmarks.soak.SoakBenchmark \
 *     --store embedded --minutes 30 --clients 5000 --rate 20
 * }</pre>
 */
public final class SoakBenchmark {

    private SoakBenchmark() {
    }

    record Options(String store, double minutes, int clients, int rate, int sampleSeconds) {
        static Options parse(String[] args) {
            String store = "embedded";
            double minutes = 30;
            int clients = 5_000;
            int rate = 20;
            int sample = 30;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--store" -> store = value;
                    case "--minutes" -> minutes = Double.parseDouble(value);
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--sample-seconds" -> sample = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --store embedded|redis --minutes --clients --rate --sample-seconds");
                }
            }
            if (!store.equals("embedded") && !store.equals("redis")) {
                throw new IllegalArgumentException("--store is embedded or redis, not " + store);
            }
            if (clients < 2 || clients % 2 != 0) {
                throw new IllegalArgumentException("--clients is an even number (two devices per user), not " + clients);
            }
            return new Options(store, minutes, clients, rate, sample);
        }
    }

    /** One look at this JVM: heap after a full GC, open files, threads, held polls. */
    record Sample(double minute, long heapMb, long openFiles, int threads, int held) {
        static Sample take(double minute, AppMessageServer server) throws IOException {
            System.gc(); // G1: a full collection, so what stays is what is really retained
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long files;
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                files = fds.count();
            }
            return new Sample(minute, heap >> 20, files, ManagementFactory.getThreadMXBean().getThreadCount(),
                    server.heldPolls());
        }

        String line() {
            return String.format(Locale.ROOT, "SAMPLE minute=%.1f heap_after_gc_mb=%d open_files=%d threads=%d held=%d",
                    minute, heapMb, openFiles, threads, held);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        Options options = Options.parse(args);
        Path dataDir = Files.createTempDirectory("appmessage-soak");
        RedisServer redis = options.store().equals("redis") ? RedisServer.volatileStore() : null;
        try (AppMessageOutbox outbox = redis == null ? AppMessageOutbox.embedded(dataDir)
                : RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
             AppMessageServer server = PollApp.builder().port(0).outbox(outbox).longPoll(true).build().start()) {
            System.out.println(run(options, server, outbox));
        } finally {
            if (redis != null) {
                redis.close();
            }
            deleteTree(dataDir);
        }
        System.exit(0); // the server is closed; do not wait for stragglers
    }

    static String run(Options options, AppMessageServer server, AppMessageOutbox outbox) throws Exception {
        int users = options.clients() / 2;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), SoakClients.class.getName(),
                Integer.toString(server.port()), Integer.toString(users), "5000", "25")
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
        }, "client-output");
        reader.setDaemon(true);
        reader.start();
        try {
            await(lines, "ready", 180);
            // the long-poll half holds a poll (bounded: a busy box may take a while); every interval client,
            // whose first poll left at once, has its cursor by then
            HeldPollsWait.until(server::heldPolls, options.clients() / 2 * 99 / 100, 60_000);
            Thread.sleep(1_000);
            List<Sample> samples = new ArrayList<>();
            long start = System.nanoTime();
            Sample first = Sample.take(0, server);
            samples.add(first);
            System.err.println(first.line());
            long sent = 0;
            AtomicLong failures = new AtomicLong();
            String firstFailure = "";
            SplittableRandom random = new SplittableRandom(11);
            long intervalNanos = 1_000_000_000L / options.rate();
            long end = start + (long) (options.minutes() * 60e9);
            long nextSample = start + TimeUnit.SECONDS.toNanos(options.sampleSeconds());
            // for the minutes asked, at most the rate: a store slower than the rate lowers the rate, not the duration
            for (long due = start; System.nanoTime() < end; due += intervalNanos) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                try {
                    outbox.sendJson("u" + random.nextInt(users), "soak", SendStamp.json(SendStamp.nowMicros()));
                    sent++; // acknowledged: the store has it
                } catch (RuntimeException e) {
                    if (failures.incrementAndGet() == 1) {
                        firstFailure = e.toString();
                        System.err.println("send failed: " + e);
                    }
                }
                if (System.nanoTime() >= nextSample) {
                    Sample s = Sample.take((System.nanoTime() - start) / 60e9, server);
                    samples.add(s);
                    System.err.println(s.line());
                    nextSample += TimeUnit.SECONDS.toNanos(options.sampleSeconds());
                }
            }
            double sendingMinutes = (System.nanoTime() - start) / 60e9;
            Thread.sleep(7_000); // the last sends reach an interval client within one 5 s period
            Sample last = Sample.take((System.nanoTime() - start) / 60e9, server);
            samples.add(last);
            System.err.println(last.line());
            child.getOutputStream().write("stop\n".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
            String clients = await(lines, "RESULT", 60).substring("RESULT ".length());
            long received = field(clients, "interval_received") + field(clients, "longpoll_received");
            long expected = 2 * sent;
            long duplicates = field(clients, "interval_duplicates") + field(clients, "longpoll_duplicates");
            long gaps = field(clients, "interval_gaps") + field(clients, "longpoll_gaps");
            long clientErrors = field(clients, "interval_errors") + field(clients, "longpoll_errors");
            // a send that failed with an unknown outcome (a timeout) may have been stored, and is then delivered
            // too: at most 2 × failures beyond the acknowledged; no repeat by id and no id skipped on any device
            boolean deliveredOnce = received >= expected && received <= expected + 2 * failures.get()
                    && duplicates == 0 && gaps == 0;
            return String.format(Locale.ROOT, "RESULT store=%s minutes=%.1f clients=%d rate=%d achieved_rate=%.1f"
                            + " sent=%d send_failures=%d"
                            + " expected=%d received=%d delivered_once=%s client_errors=%d"
                            + " heap_first_mb=%d heap_last_mb=%d heap_max_mb=%d files_first=%d files_last=%d files_max=%d"
                            + " threads_first=%d threads_last=%d threads_max=%d held_min=%d held_max=%d samples=%d"
                            + " first_failure=%s %s",
                    options.store(), sendingMinutes, options.clients(), options.rate(), sent / (sendingMinutes * 60),
                    sent, failures.get(),
                    expected, received, deliveredOnce ? "yes" : "no", clientErrors,
                    first.heapMb(), last.heapMb(), samples.stream().mapToLong(Sample::heapMb).max().orElse(0),
                    first.openFiles(), last.openFiles(), samples.stream().mapToLong(Sample::openFiles).max().orElse(0),
                    first.threads(), last.threads(), samples.stream().mapToInt(Sample::threads).max().orElse(0),
                    samples.stream().mapToInt(Sample::held).min().orElse(0),
                    samples.stream().mapToInt(Sample::held).max().orElse(0), samples.size(),
                    firstFailure.isEmpty() ? "none" : firstFailure.replace(' ', '_'), clients);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(1_000); // the server sees the clients' sockets close before it shuts down
        }
    }

    private static long field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("no " + name + " in " + line);
    }

    private static String await(BlockingQueue<String> lines, String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("the client JVM did not print '" + prefix + "' within " + seconds + " s");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

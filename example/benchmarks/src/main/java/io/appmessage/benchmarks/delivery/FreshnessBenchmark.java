package io.appmessage.benchmarks.delivery;

import io.appmessage.benchmarks.apps.PollApp;
import io.appmessage.benchmarks.load.HeldPollsWait;
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
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The long-poll freshness benchmark: the time from {@code outbox.sendJson} to the client holding the message,
 * for clients polling every 5 s against clients long-polling, at a given number of connected clients.
 *
 * <p>This JVM runs the real {@code AppMessageServer} ({@link PollApp}'s ten handlers, an embedded outbox in
 * a temp directory, long-poll on) and the driver, which sends targeted messages to random users at a modest
 * fixed rate, each carrying its send time ({@link SendStamp}, taken just before the durable send). A child
 * JVM ({@link FreshnessClients}) simulates the clients over raw NIO and measures each message's age on
 * receipt. Two processes: at 10,000 clients each side holds 10,000 sockets, and the open-file limit here is
 * 20,000 per process.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.appmessage.benchmarks.delivery.FreshnessBenchmark \
 *     --clients 10000 --mode longpoll --window 30 --rate 50
 * }</pre>
 *
 * Prints one {@code RESULT} line: {@code freshness_p50_ms}, {@code freshness_p99_ms}, sent and received
 * counts, the held polls seen, the client's counters.
 */
public final class FreshnessBenchmark {

    private FreshnessBenchmark() {
    }

    record Options(int clients, String mode, double windowSeconds, int rate, long periodMillis, int waitSeconds) {
        static Options parse(String[] args) {
            int clients = 1_000;
            String mode = "longpoll";
            double window = 20;
            int rate = 50;
            long period = 5_000;
            int wait = 25;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--mode" -> mode = value;
                    case "--window" -> window = Double.parseDouble(value);
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--period-ms" -> period = Long.parseLong(value);
                    case "--wait" -> wait = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --clients --mode longpoll|interval --window --rate --period-ms --wait");
                }
            }
            if (!mode.equals("longpoll") && !mode.equals("interval")) {
                throw new IllegalArgumentException("--mode is longpoll or interval, not " + mode);
            }
            return new Options(clients, mode, window, rate, period, wait);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        Options options = Options.parse(args);
        Path dataDir = Files.createTempDirectory("appmessage-freshness");
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = PollApp.builder().port(0).outbox(outbox).longPoll(true).build().start()) {
            System.out.println(run(options, server, outbox));
        } finally {
            deleteTree(dataDir);
        }
        System.exit(0); // the server's non-daemon threads are closed; do not wait for stragglers
    }

    static String run(Options options, AppMessageServer server, AppMessageOutbox outbox) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), FreshnessClients.class.getName(),
                Integer.toString(server.port()), Integer.toString(options.clients()), options.mode(),
                Long.toString(options.mode().equals("longpoll") ? options.waitSeconds() : options.periodMillis()))
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
            await(lines, "ready", 120);
            if (options.mode().equals("longpoll")) {
                // every client holds a poll before the first send (bounded: a busy box may take a while)
                HeldPollsWait.until(server::heldPolls, options.clients() * 99 / 100, 30_000);
            } else {
                Thread.sleep(1_000); // the first answers (cursors) are in; from now on each client polls at its phase
            }
            int heldAtStart = server.heldPolls();
            Driven driven = drive(options, server, outbox);
            // the last message sent reaches an interval client within one period; a long-poll client at once
            Thread.sleep(options.mode().equals("longpoll") ? 2_000 : options.periodMillis() + 1_000);
            OutputStream stdin = child.getOutputStream();
            stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            String result = await(lines, "RESULT", 60);
            return String.format(Locale.ROOT, "RESULT mode=%s clients=%d rate=%d window_s=%.0f sent=%d send_failures=%d"
                            + " held_at_start=%d held_min=%d held_max=%d %s %s",
                    options.mode(), options.clients(), options.rate(), options.windowSeconds(), driven.sent, driven.failures,
                    heldAtStart, driven.heldMin, driven.heldMax, driven.sendLatency.fields("send_", 1_000.0),
                    result.substring("RESULT ".length()).replace("p50_ms", "freshness_p50_ms")
                            .replace("p99_ms", "freshness_p99_ms").replace("max_ms", "freshness_max_ms"));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            // let the server see the clients' sockets close before it shuts down (else its connection watch
            // races the worker pool's shutdown and logs rejected tasks)
            Thread.sleep(1_000);
        }
    }

    private record Driven(long sent, long failures, int heldMin, int heldMax, Percentiles sendLatency) {
    }

    /** Sends at the fixed rate for the window to random users; each message carries its send time. */
    private static Driven drive(Options options, AppMessageServer server, AppMessageOutbox outbox) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(7);
        Percentiles sendLatency = new Percentiles();
        long intervalNanos = 1_000_000_000L / options.rate();
        long start = System.nanoTime();
        long end = start + (long) (options.windowSeconds() * 1e9);
        long sent = 0;
        long failures = 0;
        int heldMin = Integer.MAX_VALUE;
        int heldMax = 0;
        List<String> firstFailures = new ArrayList<>();
        for (long due = start; due < end; due += intervalNanos) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (sent % options.rate() == 0) { // about once a second
                int held = server.heldPolls();
                heldMin = Math.min(heldMin, held);
                heldMax = Math.max(heldMax, held);
            }
            long t = SendStamp.nowMicros();
            try {
                outbox.sendJson("u" + random.nextInt(options.clients()), "bench", SendStamp.json(t));
                sendLatency.add(SendStamp.nowMicros() - t);
                sent++;
            } catch (RuntimeException e) {
                failures++;
                if (firstFailures.isEmpty()) {
                    firstFailures.add(e.toString());
                    System.err.println("send failed: " + e);
                }
            }
        }
        return new Driven(sent, failures, heldMin == Integer.MAX_VALUE ? 0 : heldMin, heldMax, sendLatency);
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

    static void deleteTree(Path dir) throws IOException {
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

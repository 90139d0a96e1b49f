package io.appmessage.benchmarks.delivery;

import io.appmessage.testsupport.RedisServer;

import io.appmessage.benchmarks.apps.PollApp;
import io.appmessage.benchmarks.load.HeldPollsWait;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.RedisOutboxes;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's throughput figures for one store: <b>send</b> (N threads calling {@code outbox.sendJson} as fast
 * as they can; sends/s and per-send latency, each send durable before it returns) and <b>delivery</b>
 * (messages reaching clients that long-poll a real {@code AppMessageServer} over loopback HTTP with their
 * cursors, {@link PollingClients}): first a backlog drained from the store, then live sends from 16 threads
 * while the clients poll, with each message's end-to-end latency (send call → client holds it).
 *
 * <p>Stores: {@code embedded} (H2 MVStore in a temp directory), {@code redis} (a private redis-server,
 * {@code --save "" --appendonly no}), {@code redis-aof} ({@code --appendonly yes --appendfsync always}).
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.appmessage.benchmarks.delivery.OutboxThroughput --store embedded --seconds 5
 * }</pre>
 *
 * Prints {@code RESULT kind=send|drain|live ...} lines.
 */
public final class OutboxThroughput {

    record Options(String store, double seconds, int[] threads, int sendUsers, int readers, int backlog,
                   double liveSeconds, int liveSenders) {
        static Options parse(String[] args) {
            String store = "embedded";
            double seconds = 3;
            int[] threads = {1, 16, 64};
            int users = 1_000;
            int readers = 100;
            int backlog = 50;
            double live = 5;
            int liveSenders = 16;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--store" -> store = value;
                    case "--seconds" -> seconds = Double.parseDouble(value);
                    case "--threads" -> threads = java.util.Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--users" -> users = Integer.parseInt(value);
                    case "--readers" -> readers = Integer.parseInt(value);
                    case "--backlog" -> backlog = Integer.parseInt(value);
                    case "--live-seconds" -> live = Double.parseDouble(value);
                    case "--live-senders" -> liveSenders = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --store"
                            + " embedded|redis|redis-aof --seconds --threads 1,16,64 --users --readers --backlog"
                            + " --live-seconds --live-senders");
                }
            }
            return new Options(store, seconds, threads, users, readers, backlog, live, liveSenders);
        }
    }

    private OutboxThroughput() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        Options options = Options.parse(args);
        Path dataDir = Files.createTempDirectory("appmessage-outbox-bench");
        RedisServer redis = switch (options.store()) {
            case "embedded" -> null;
            case "redis" -> RedisServer.volatileStore();
            case "redis-aof" -> RedisServer.durableStore();
            default -> throw new IllegalArgumentException("--store is embedded, redis or redis-aof");
        };
        try (AppMessageOutbox outbox = redis == null ? AppMessageOutbox.embedded(dataDir)
                : RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults())) {
            for (int threads : options.threads()) {
                System.out.println(send(options, outbox, threads));
            }
            try (AppMessageServer server = PollApp.builder().port(0).outbox(outbox).build().start()) {
                for (String line : deliver(options, outbox, server)) {
                    System.out.println(line);
                }
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
            FreshnessBenchmark.deleteTree(dataDir);
        }
        System.exit(0);
    }

    /** {@code threads} senders for the run's seconds, each to random users {@code s<i>}. */
    private static String send(Options options, AppMessageOutbox outbox, int threads) throws InterruptedException {
        Percentiles latency = new Percentiles();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (options.seconds() * 1e9);
        runThreads(threads, "sender", () -> {
            Percentiles mine = new Percentiles();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                try {
                    outbox.sendJson("s" + random.nextInt(options.sendUsers()), "bench", SendStamp.json(SendStamp.nowMicros()));
                    mine.add(System.nanoTime() - t0);
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            }
            latency.addAll(mine);
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "RESULT kind=send store=%s threads=%d sends=%d sends_per_s=%.0f %s failures=%d",
                options.store(), threads, latency.size(), latency.size() / elapsed, latency.fields("", 1e6), failures.get());
    }

    /** The backlog drained by the readers, then live sends while they long-poll. */
    private static List<String> deliver(Options options, AppMessageOutbox outbox, AppMessageServer server) throws Exception {
        // 1. the backlog, sent before any client polls
        int backlogTotal = options.readers() * options.backlog();
        AtomicLong nextBacklog = new AtomicLong();
        runThreads(16, "backlog", () -> {
            for (long n; (n = nextBacklog.getAndIncrement()) < backlogTotal; ) {
                outbox.sendJson("u" + (n % options.readers()), "bench", SendStamp.json(SendStamp.nowMicros()));
            }
        });

        Phase[] phase = {new Phase()};
        PollingClients clients = PollingClients.longPoll(new InetSocketAddress("127.0.0.1", server.port()),
                options.readers(), 25, (user, id, sentMicros, receivedMicros) -> phase[0].received(sentMicros, receivedMicros));
        AtomicBoolean stop = new AtomicBoolean();
        Throwable[] clientFailure = new Throwable[1];
        Thread clientThread = new Thread(() -> {
            try {
                clients.run(stop::get);
            } catch (Throwable e) {
                clientFailure[0] = e;
            }
        }, "polling-clients");
        Phase drain = phase[0];
        drain.startNanos = System.nanoTime();
        clientThread.start();
        List<String> lines = new ArrayList<>();
        try {
            drain.awaitCount(backlogTotal, 30_000);
            lines.add(String.format(Locale.ROOT, "RESULT kind=drain store=%s readers=%d backlog=%d delivered=%d msgs_per_s=%.0f",
                    options.store(), options.readers(), backlogTotal, drain.count(), drain.rate()));

            // 2. live: senders and long-polling readers at once
            HeldPollsWait.until(server::heldPolls, options.readers(), 5_000); // every reader holds a poll again
            Phase live = new Phase();
            phase[0] = live;
            AtomicLong sent = new AtomicLong();
            live.startNanos = System.nanoTime();
            long end = live.startNanos + (long) (options.liveSeconds() * 1e9);
            runThreads(options.liveSenders(), "live-sender", () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    outbox.sendJson("u" + random.nextInt(options.readers()), "bench", SendStamp.json(SendStamp.nowMicros()));
                    sent.incrementAndGet();
                }
            });
            double sendSeconds = (System.nanoTime() - live.startNanos) / 1e9;
            live.awaitCount(sent.get(), 30_000);
            lines.add(String.format(Locale.ROOT, "RESULT kind=live store=%s senders=%d readers=%d sent=%d sends_per_s=%.0f"
                            + " delivered=%d msgs_per_s=%.0f %s %s",
                    options.store(), options.liveSenders(), options.readers(), sent.get(), sent.get() / sendSeconds,
                    live.count(), live.rate(), live.latency.fields("e2e_", 1_000.0), clients.counters()));
        } finally {
            stop.set(true);
            clientThread.join(10_000);
            // let the server see the clients' sockets close before it shuts down (else its connection watch
            // races the worker pool's shutdown and logs rejected tasks)
            Thread.sleep(500);
        }
        if (clientFailure[0] != null) {
            throw new IllegalStateException("the polling clients failed: " + clientFailure[0], clientFailure[0]);
        }
        if (!clients.firstError().isEmpty()) {
            System.err.println("first client error: " + clients.firstError());
        }
        return lines;
    }

    /** What the readers received in one phase; written by the clients' thread only. */
    private static final class Phase {
        final Percentiles latency = new Percentiles();
        volatile long startNanos;
        volatile long lastNanos;
        private volatile long count;

        void received(long sentMicros, long receivedMicros) {
            latency.add(receivedMicros - sentMicros);
            lastNanos = System.nanoTime();
            count++;
        }

        long count() {
            return count;
        }

        /** Delivered messages per second, from the phase's start to its last receipt. */
        double rate() {
            double seconds = (lastNanos - startNanos) / 1e9;
            return seconds <= 0 ? 0 : count / seconds;
        }

        void awaitCount(long expected, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (count < expected && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
        }
    }

    private static void runThreads(int count, String name, Runnable body) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(body, name + "-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}

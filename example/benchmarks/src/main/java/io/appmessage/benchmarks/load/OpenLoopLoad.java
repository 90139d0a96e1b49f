package io.appmessage.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An open-loop HTTP load generator: requests are due on a fixed schedule ({@code --rate} per
 * second, spread over keep-alive connections), whether or not the server keeps up, and each
 * latency is measured from the request's <em>intended</em> send time, so a stalled server shows
 * up in the percentiles instead of silently slowing the load (the "coordinated omission" that
 * closed-loop tools like wrk suffer; Debian has no wrk2).
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.appmessage.benchmarks.load.OpenLoopLoad \
 *     --url http://127.0.0.1:18080/api/message/index --rate 20000 --duration 30 --warmup 5
 * }</pre>
 *
 * <p>Prints a summary and one {@code RESULT key=value ...} line for scripts. Exit status 0 even
 * with errors; the caller judges the figures.
 */
public final class OpenLoopLoad {

    private OpenLoopLoad() {
    }

    public static void main(String[] args) throws Exception {
        OpenLoopOptions options = OpenLoopOptions.parse(args);
        OpenLoopResult result = run(options);
        System.out.printf(Locale.ROOT, "open-loop %s: %d/s for %.0f s (+%.0f s warm-up), %d connections, %d thread(s)%n",
                options.url(), options.rate(), options.durationSeconds(), options.warmupSeconds(),
                options.connections(), options.threads());
        System.out.println(result.resultLine());
    }

    /** Runs the load and waits for it to finish: at most warm-up + duration + timeout. */
    public static OpenLoopResult run(OpenLoopOptions options) throws Exception {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long measureFrom = start + (long) (options.warmupSeconds() * 1e9);
        long end = measureFrom + (long) (options.durationSeconds() * 1e9);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            int connections = options.connections() / options.threads() + (t < options.connections() % options.threads() ? 1 : 0);
            Worker worker = new Worker(options, connections, options.rate() / (double) options.threads(), start, measureFrom, end);
            workers.add(worker);
            Thread thread = new Thread(worker, "open-loop-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long sent = 0, ok = 0, non2xx = 0, io = 0, timeouts = 0;
        int count = 0;
        for (Worker w : workers) {
            if (w.failure != null) {
                throw w.failure;
            }
            sent += w.sent;
            ok += w.ok;
            non2xx += w.non2xx;
            io += w.ioErrors;
            timeouts += w.timeouts;
            count += w.latencyCount;
        }
        long[] all = new long[count];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.latencyCount);
            at += w.latencyCount;
        }
        Arrays.sort(all);
        return new OpenLoopResult(options.rate(), options.durationSeconds(), sent, ok, non2xx, io, timeouts, all);
    }

    /** One thread: a selector over its connections and its share of the schedule. */
    private static final class Worker implements Runnable {

        private final OpenLoopOptions options;
        private final OpenLoopConnection[] connections;
        private final double intervalNanos;
        private final long start;
        private final long measureFrom;
        private final long end;
        private final byte[] request;
        private Selector selector;
        long sent, ok, non2xx, ioErrors, timeouts;
        long[] latencies = new long[1 << 16];
        int latencyCount;
        Exception failure;

        Worker(OpenLoopOptions options, int connections, double rate, long start, long measureFrom, long end) {
            this.options = options;
            this.connections = new OpenLoopConnection[connections];
            this.intervalNanos = 1e9 / rate;
            this.start = start;
            this.measureFrom = measureFrom;
            this.end = end;
            String path = options.url().getRawPath() + (options.url().getRawQuery() == null ? "" : "?" + options.url().getRawQuery());
            this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + options.url().getHost() + ":" + options.url().getPort()
                    + "\r\n" + (options.token() == null ? "" : "X-Access-Token: " + options.token() + "\r\n")
                    + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public void run() {
            try (Selector s = Selector.open()) {
                selector = s;
                for (int i = 0; i < connections.length; i++) {
                    connections[i] = new OpenLoopConnection();
                    connect(connections[i]);
                }
                loop();
            } catch (Exception e) {
                failure = e;
            } finally {
                for (OpenLoopConnection c : connections) {
                    if (c != null) {
                        c.close();
                    }
                }
            }
        }

        private void loop() throws IOException {
            long k = 0;
            long next = start;
            long deadline = end + (long) (options.timeoutSeconds() * 1e9);
            while (true) {
                long now = System.nanoTime();
                while (next <= now && next < end) {
                    OpenLoopConnection c = connections[(int) (k % connections.length)];
                    c.backlog.add(next);
                    sent++;
                    if (c.inFlight < 0) {
                        sendNext(c);
                    }
                    k++;
                    next = start + (long) (k * intervalNanos);
                }
                if (next >= end && outstanding() == 0 || now >= deadline) {
                    break;
                }
                long waitNanos = (next < end ? next : deadline) - System.nanoTime();
                if (waitNanos > 1_000_000) {
                    selector.select(Math.min(1, waitNanos / 1_000_000));
                } else {
                    selector.selectNow();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    OpenLoopConnection c = (OpenLoopConnection) key.attachment();
                    if (key.isValid() && key.isConnectable()) {
                        finishConnect(c);
                    } else if (key.isValid() && key.isReadable()) {
                        read(c);
                    }
                }
                selector.selectedKeys().clear();
            }
            timeouts += outstanding();
        }

        private long outstanding() {
            long n = 0;
            for (OpenLoopConnection c : connections) {
                n += c.backlog.size() + (c.inFlight >= 0 ? 1 : 0);
            }
            return n;
        }

        private void connect(OpenLoopConnection c) throws IOException {
            c.channel = SocketChannel.open();
            c.channel.configureBlocking(false);
            c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.connected = c.channel.connect(new InetSocketAddress(options.url().getHost(), options.url().getPort()));
            c.key = c.channel.register(selector, c.connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
        }

        private void finishConnect(OpenLoopConnection c) {
            try {
                c.channel.finishConnect();
                c.connected = true;
                c.key.interestOps(SelectionKey.OP_READ);
                if (c.inFlight < 0) {
                    sendNext(c);
                }
            } catch (IOException e) {
                fail(c);
            }
        }

        private void sendNext(OpenLoopConnection c) {
            if (!c.connected || c.backlog.isEmpty()) {
                return;
            }
            c.inFlight = c.backlog.poll();
            try {
                ByteBuffer out = ByteBuffer.wrap(request);
                // Requests are small; a full socket buffer here means the server stopped reading.
                for (int spins = 0; out.hasRemaining() && spins < 1000; spins++) {
                    c.channel.write(out);
                }
                if (out.hasRemaining()) {
                    throw new IOException("server not reading");
                }
            } catch (IOException e) {
                fail(c);
            }
        }

        private void read(OpenLoopConnection c) {
            try {
                int n = c.channel.read(c.in);
                if (n < 0) {
                    throw new IOException("closed by server");
                }
                int status;
                while ((status = c.parseResponse()) > 0) {
                    long now = System.nanoTime();
                    if (c.inFlight >= measureFrom) {
                        record(now - c.inFlight);
                        if (status >= 200 && status < 300) {
                            ok++;
                        } else {
                            non2xx++;
                        }
                    }
                    c.inFlight = -1;
                    sendNext(c);
                }
            } catch (IOException e) {
                fail(c);
            }
        }

        /** A broken connection: its in-flight request is an error; the backlog goes out on a new one. */
        private void fail(OpenLoopConnection c) {
            if (c.inFlight >= 0) {
                if (c.inFlight >= measureFrom) {
                    ioErrors++;
                }
                c.inFlight = -1;
            }
            c.close();
            c.in.clear();
            try {
                connect(c);
            } catch (IOException e) {
                ioErrors += c.backlog.size();
                c.backlog.clear();
            }
        }

        private void record(long nanos) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = nanos;
        }
    }
}

package io.appmessage.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
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

    record Options(URI url, int rate, int connections, int threads, double durationSeconds,
                   double warmupSeconds, String token, double timeoutSeconds) {

        static Options parse(String[] args) {
            URI url = null;
            int rate = 1000;
            int connections = 64;
            int threads = 1;
            double duration = 10;
            double warmup = 2;
            String token = null;
            double timeout = 5;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--url" -> url = URI.create(value);
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--duration" -> duration = Double.parseDouble(value);
                    case "--warmup" -> warmup = Double.parseDouble(value);
                    case "--token" -> token = value;
                    case "--timeout" -> timeout = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --url --rate --connections --threads --duration --warmup --token --timeout");
                }
                i++;
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            if (connections < threads || rate < threads) {
                throw new IllegalArgumentException("need at least one connection and one request/s per thread");
            }
            return new Options(url, rate, connections, threads, duration, warmup, token, timeout);
        }
    }

    /** What one run measured; latencies in nanoseconds, sorted. */
    public record Result(int targetRate, double measuredSeconds, long sent, long ok, long non2xx, long ioErrors,
                         long timeouts, long[] latencies) {

        long percentile(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
        }

        public long errors() {
            return non2xx + ioErrors + timeouts;
        }

        public double achievedRate() {
            return latencies.length / measuredSeconds;
        }

        public String resultLine() {
            return String.format(Locale.ROOT,
                    "RESULT target_rate=%d achieved_rate=%.0f measured=%d ok=%d non2xx=%d io_errors=%d timeouts=%d "
                            + "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f",
                    targetRate, achievedRate(), latencies.length, ok, non2xx, ioErrors, timeouts,
                    ms(percentile(50)), ms(percentile(90)), ms(percentile(99)), ms(percentile(99.9)),
                    ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }

    private OpenLoopLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Result result = run(options);
        System.out.printf(Locale.ROOT, "open-loop %s: %d/s for %.0f s (+%.0f s warm-up), %d connections, %d thread(s)%n",
                options.url(), options.rate(), options.durationSeconds(), options.warmupSeconds(),
                options.connections(), options.threads());
        System.out.println(result.resultLine());
    }

    /** Runs the load and waits for it to finish: at most warm-up + duration + timeout. */
    public static Result run(Options options) throws Exception {
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
        return new Result(options.rate(), options.durationSeconds(), sent, ok, non2xx, io, timeouts, all);
    }

    /** One thread: a selector over its connections and its share of the schedule. */
    private static final class Worker implements Runnable {

        private final Options options;
        private final Connection[] connections;
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

        Worker(Options options, int connections, double rate, long start, long measureFrom, long end) {
            this.options = options;
            this.connections = new Connection[connections];
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
                    connections[i] = new Connection();
                    connect(connections[i]);
                }
                loop();
            } catch (Exception e) {
                failure = e;
            } finally {
                for (Connection c : connections) {
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
                    Connection c = connections[(int) (k % connections.length)];
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
                    Connection c = (Connection) key.attachment();
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
            for (Connection c : connections) {
                n += c.backlog.size() + (c.inFlight >= 0 ? 1 : 0);
            }
            return n;
        }

        private void connect(Connection c) throws IOException {
            c.channel = SocketChannel.open();
            c.channel.configureBlocking(false);
            c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.connected = c.channel.connect(new InetSocketAddress(options.url().getHost(), options.url().getPort()));
            c.key = c.channel.register(selector, c.connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
        }

        private void finishConnect(Connection c) {
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

        private void sendNext(Connection c) {
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

        private void read(Connection c) {
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
        private void fail(Connection c) {
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

    /** One keep-alive connection: at most one request in flight, the rest wait in its backlog. */
    private static final class Connection {
        SocketChannel channel;
        SelectionKey key;
        boolean connected;
        long inFlight = -1;
        final java.util.ArrayDeque<Long> backlog = new java.util.ArrayDeque<>();
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);

        /**
         * Consumes one complete response from {@link #in} and returns its status, or 0 when the bytes
         * so far are not a whole response. Handles Content-Length and chunked bodies.
         */
        int parseResponse() throws IOException {
            byte[] a = in.array();
            int len = in.position();
            int headersEnd = indexOf(a, len, 0, "\r\n\r\n");
            if (headersEnd < 0) {
                if (len == a.length) {
                    throw new IOException("response headers too large");
                }
                return 0;
            }
            String head = new String(a, 0, headersEnd, StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response");
            }
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase(Locale.ROOT);
            int bodyStart = headersEnd + 4;
            int responseEnd;
            int cl = lower.indexOf("\r\ncontent-length:");
            if (cl >= 0) {
                int lineEnd = lower.indexOf("\r\n", cl + 2);
                int length = Integer.parseInt(lower.substring(cl + 17, lineEnd < 0 ? lower.length() : lineEnd).trim());
                responseEnd = bodyStart + length;
                if (responseEnd > a.length) {
                    throw new IOException("response body larger than the read buffer");
                }
                if (responseEnd > len) {
                    return 0;
                }
            } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
                // JSON escapes raw CR/LF in strings, so the terminating chunk is unambiguous.
                int last = bodyStart + 5 <= len && a[bodyStart] == '0' && a[bodyStart + 1] == '\r'
                        ? bodyStart - 2 : indexOf(a, len, bodyStart, "\r\n0\r\n\r\n");
                if (last < 0) {
                    if (len == a.length) {
                        throw new IOException("chunked response larger than the read buffer");
                    }
                    return 0;
                }
                responseEnd = last + 7;
            } else {
                responseEnd = bodyStart; // no body (e.g. 204/304)
            }
            System.arraycopy(a, responseEnd, a, 0, len - responseEnd);
            in.position(len - responseEnd);
            return status;
        }

        private static int indexOf(byte[] a, int len, int from, String what) {
            byte[] w = what.getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int i = from; i <= len - w.length; i++) {
                for (int j = 0; j < w.length; j++) {
                    if (a[i + j] != w[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        void close() {
            connected = false;
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing a broken socket: nothing left to do
                }
            }
        }
    }
}

package io.appmessage.benchmarks.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} for one benchmark: a free loopback port, its own temp directory, killed on
 * {@link #close()}. Two configurations: {@link #volatileStore} ({@code --save "" --appendonly no}: nothing
 * on disk, the fastest Redis can be) and {@link #durableStore} ({@code --appendonly yes --appendfsync always}:
 * every write fsynced before Redis answers, comparable with the embedded store's fsync per commit).
 *
 * <pre>{@code
 * try (LocalRedis redis = LocalRedis.volatileStore()) {
 *     AppMessageOutbox outbox = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
 * }
 * }</pre>
 */
public final class LocalRedis implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private LocalRedis(List<String> persistence) throws IOException, InterruptedException {
        this.dir = Files.createTempDirectory("appmessage-bench-redis");
        this.port = freePort();
        List<String> command = new ArrayList<>(List.of(executable(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--daemonize", "no", "--loglevel", "warning"));
        command.addAll(persistence);
        Path log = dir.resolve("redis.log");
        this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int attempt = 0; attempt < 100; attempt++) {
            if (answersPing()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within 10 s");
    }

    /** No persistence at all: {@code --save "" --appendonly no}. */
    public static LocalRedis volatileStore() throws IOException, InterruptedException {
        return new LocalRedis(List.of("--save", "", "--appendonly", "no"));
    }

    /** Append-only file fsynced on every write: {@code --save "" --appendonly yes --appendfsync always}. */
    public static LocalRedis durableStore() throws IOException, InterruptedException {
        return new LocalRedis(List.of("--save", "", "--appendonly", "yes", "--appendfsync", "always"));
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            FreshnessBenchmark.deleteTree(dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[5];
            return in.readNBytes(reply, 0, 5) == 5 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("redis-server is not on the PATH: apt-get install -y redis-server (Debian)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

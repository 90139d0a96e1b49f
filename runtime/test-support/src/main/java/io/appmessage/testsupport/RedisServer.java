package io.appmessage.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real redis-server on a free loopback port, in its own directory, for a test or a benchmark. Missing
 * redis-server fails with how to install it: the Redis tests never skip silently (CI installs Debian's
 * package).
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start(tempDir)) {            // nothing on disk: a restart is a reset
 *     AppMessageOutbox outbox = RedisOutboxes.connect(redis.uri(), OutboxSettings.defaults());
 * }
 * try (RedisServer redis = RedisServer.durableStore()) { … }        // appendonly, fsync always, own temp dir
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    /** No persistence at all: {@code --save "" --appendonly no}. */
    public static final List<String> VOLATILE = List.of("--save", "", "--appendonly", "no");
    /** Append-only file fsynced on every write: {@code --save "" --appendonly yes --appendfsync always}. */
    public static final List<String> DURABLE = List.of("--save", "", "--appendonly", "yes", "--appendfsync", "always");

    private final Path dir;
    private final boolean ownsDir;
    private final int port;
    private final List<String> options;
    private Process process;

    private RedisServer(Path dir, boolean ownsDir, int port, List<String> options) {
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.port = port;
        this.options = List.copyOf(options);
    }

    /** Without persistence, in {@code dir} (kept: the caller's temp directory). */
    public static RedisServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, VOLATILE);
    }

    /** With these extra redis-server options (persistence, cluster, replication), in {@code dir}. */
    public static RedisServer start(Path dir, List<String> options) throws IOException, InterruptedException {
        return start(dir, freePort(), options);
    }

    /** On a given port (a cluster or sentinel setup names its ports up front). */
    public static RedisServer start(Path dir, int port, List<String> options) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        RedisServer server = new RedisServer(dir, false, port, options);
        server.startProcess();
        return server;
    }

    /** Without persistence, in a temp directory deleted on {@link #close()}. */
    public static RedisServer volatileStore() throws IOException, InterruptedException {
        return inTempDir(VOLATILE);
    }

    /** Append-only, fsync always, in a temp directory deleted on {@link #close()}. */
    public static RedisServer durableStore() throws IOException, InterruptedException {
        return inTempDir(DURABLE);
    }

    private static RedisServer inTempDir(List<String> options) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(Files.createTempDirectory("appmessage-redis"), true, freePort(), options);
        server.startProcess();
        return server;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Where it runs and logs ({@code redis-<port>.log}). */
    public Path dir() {
        return dir;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the server ({@code kill -9}, as a crash would) and waits until it is gone. */
    public void stop() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Freezes the server ({@code kill -STOP}): it keeps its connections but answers nothing. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a frozen server go on ({@code kill -CONT}); it then runs whatever it had received. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** Starts it again on the same port and directory (empty unless its options persist data). */
    public void restart() throws IOException, InterruptedException {
        startProcess();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                thaw(); // a frozen process still dies of SIGKILL, but its exit is reaped sooner
            } catch (IOException | InterruptedException | IllegalStateException ignored) {
                // it is killed below either way
            }
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownsDir) {
            deleteTree(dir);
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    private void startProcess() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable("redis-server").toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--daemonize", "no", "--loglevel", "warning"));
        command.addAll(options);
        Path log = dir.resolve("redis-" + port + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        for (int attempt = 0; attempt < 100; attempt++) { // up to 10 s
            if (answersPing(port)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start, see " + log + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within 10 s");
    }

    static boolean answersPing(int port) {
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

    /** {@code redis-server}, {@code redis-cli} or {@code redis-sentinel} from the PATH or /usr/bin. */
    static Path executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin", name);
        if (Files.isExecutable(debian)) {
            return debian;
        }
        throw new AssertionError(name + " is not installed, and the Redis tests need a real one (they do not"
                + " skip): install it with `apt-get update && apt-get install -y redis-server redis-sentinel`"
                + " (Debian/Ubuntu) or put it on the PATH");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}

package io.appmessage.runtime.internal.outbox.redis;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server for one test class, on a free loopback port, in a temp directory, without persistence
 * (so a restart is also a reset: a new epoch). Missing redis-server fails the test with how to install it:
 * the Redis tests never skip silently (CI installs Debian's package).
 */
public final class RedisServer implements AutoCloseable {
    private final Path executable;
    private final Path dir;
    private final int port;
    private Process process;

    private RedisServer(Path executable, Path dir, int port) {
        this.executable = executable;
        this.dir = dir;
        this.port = port;
    }

    public static RedisServer start(Path dir) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(findExecutable(), dir, freePort());
        server.startProcess();
        return server;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Kills the server (as a crash would) and waits until it is gone. */
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

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Starts it again on the same port: empty, since it keeps nothing on disk. */
    public void restart() throws IOException, InterruptedException {
        startProcess();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                thaw(); // a frozen process ignores nothing but SIGKILL, yet thawing first lets it exit cleanly
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
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(executable.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
                .start();
        for (int attempt = 0; attempt < 100; attempt++) { // up to 10 s
            if (answersPing()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start, see " + dir.resolve("redis-" + port + ".log")
                        + ": " + Files.readString(dir.resolve("redis-" + port + ".log")));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within 10 s");
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

    private static Path findExecutable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/redis-server");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        throw new AssertionError("redis-server is not installed, and the Redis outbox tests need a real one (they do"
                + " not skip): install it with `apt-get update && apt-get install -y redis-server` (Debian/Ubuntu)"
                + " or put redis-server on the PATH");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

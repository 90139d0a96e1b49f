package io.appmessage.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time: launches a command (say {@code java -jar app.jar}) with
 * {@code PORT} set to a free loopback port, and measures from just before the process starts to
 * the first {@code 200} answer on the poll path, trying every millisecond. Repeats {@code --runs}
 * times and prints the median.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.appmessage.benchmarks.startup.StartupProbe --runs 5 \
 *     --path /api/message/index -- java -jar target/bare-undertow.jar
 * }</pre>
 */
public final class StartupProbe {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        String path = "/api/message/index";
        int i = 0;
        for (; i < args.length && !args[i].equals("--"); i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--path" -> path = args[i + 1];
                default -> throw new IllegalArgumentException("options: --runs N --path P -- command...");
            }
        }
        List<String> command = List.of(args).subList(i + 1, args.length);
        long[] millis = new long[runs];
        for (int run = 0; run < runs; run++) {
            millis[run] = TimeUnit.NANOSECONDS.toMillis(once(command, path));
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "start-up %s: runs %s%n", String.join(" ", command), Arrays.toString(millis));
        System.out.printf(Locale.ROOT, "RESULT median_ms=%d min_ms=%d max_ms=%d runs=%d%n",
                sorted[runs / 2], sorted[0], sorted[runs - 1], runs);
    }

    /** Nanoseconds from process start to the first 200 on {@code path}. */
    static long once(List<String> command, String path) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(System.getProperty("java.io.tmpdir"), "appmessage-startup-probe.log")));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("APPMESSAGE_HOST", "127.0.0.1");
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - started < GIVE_UP_NANOS) {
                if (answers200(port, path)) {
                    return System.nanoTime() - started;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with " + process.exitValue() + " before answering: " + command);
                }
                Thread.sleep(1);
            }
            throw new IllegalStateException("no 200 within 60 s: " + command);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean answers200(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A port free right now on loopback (the usual small race is accepted: the probe retries nothing). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

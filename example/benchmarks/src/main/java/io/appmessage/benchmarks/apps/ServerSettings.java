package io.appmessage.benchmarks.apps;

/**
 * Host, port and Undertow sizing shared by the benchmark apps, read the way the example app reads
 * them ({@code PORT}, and {@code HOST} defaulting to loopback so a benchmark never listens on the
 * network), so that the apps compared differ only in what they do per poll.
 *
 * <pre>{@code
 * ServerSettings settings = ServerSettings.fromEnvironment();
 * Undertow.builder().addHttpListener(settings.port(), settings.host()).setIoThreads(settings.ioThreads())...
 * }</pre>
 */
public record ServerSettings(String host, int port, String path, int ioThreads, int workerThreads) {

    /** Undertow's own defaults (I/O threads = cores, workers = 8 per I/O thread), which the runtime keeps too. */
    public static ServerSettings fromEnvironment() {
        int io = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        return new ServerSettings(
                env("HOST", "127.0.0.1"),
                Integer.parseInt(env("PORT", "8080")),
                env("POLL_PATH", "/api/message/index"),
                Integer.parseInt(env("IO_THREADS", Integer.toString(io))),
                Integer.parseInt(env("WORKER_THREADS", Integer.toString(io * 8))));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

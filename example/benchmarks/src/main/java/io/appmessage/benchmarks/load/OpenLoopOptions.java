package io.appmessage.benchmarks.load;

import java.net.URI;

/**
 * What {@link OpenLoopLoad} runs: the URL, the rate per second, keep-alive connections, threads, the measured
 * duration and the warm-up before it (s), an optional {@code X-Access-Token}, and how long an answer may take
 * after the last request is due before it counts as a timeout (s).
 *
 * <pre>{@code
 * OpenLoopOptions o = OpenLoopOptions.parse(new String[] {"--url", "http://127.0.0.1:18080/api/message/index", "--rate", "5000"});
 * }</pre>
 */
public record OpenLoopOptions(URI url, int rate, int connections, int threads, double durationSeconds,
               double warmupSeconds, String token, double timeoutSeconds) {

public static OpenLoopOptions parse(String[] args) {
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
        return new OpenLoopOptions(url, rate, connections, threads, duration, warmup, token, timeout);
    }
}

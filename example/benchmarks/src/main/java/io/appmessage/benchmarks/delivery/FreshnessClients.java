package io.appmessage.benchmarks.delivery;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client JVM of {@link FreshnessBenchmark}: {@code clients} users polling the server at {@code port},
 * either long-polling ({@code longpoll <wait s>}) or every period ({@code interval <period ms>}). Prints
 * {@code ready} once every client has sent its first poll, and on {@code stop} (a line on stdin) one
 * {@code RESULT} line: the freshness (send → receipt) of every message it received, in ms, and its counters.
 * A separate process because one process cannot hold both ends of 10,000 connections under this machine's
 * 20,000 open-file limit.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.appmessage.benchmarks.delivery.FreshnessClients 18080 10000 longpoll 25
 * }</pre>
 */
public final class FreshnessClients {

    private FreshnessClients() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
        int clients = Integer.parseInt(args[1]);
        long setting = Long.parseLong(args[3]);
        Percentiles freshness = new Percentiles();
        PollingClients.Listener listener = (user, id, sentMicros, receivedMicros) -> freshness.add(receivedMicros - sentMicros);
        PollingClients polling = switch (args[2]) {
            case "longpoll" -> PollingClients.longPoll(server, clients, (int) setting, listener);
            case "interval" -> PollingClients.interval(server, clients, setting, listener);
            default -> throw new IllegalArgumentException("mode is longpoll or interval, not " + args[2]);
        };
        AtomicBoolean stop = new AtomicBoolean();
        Thread stdin = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null && !line.equals("stop")) {
                    // only "stop" means anything
                }
            } catch (java.io.IOException ignored) {
                // the parent went away: stop as well
            }
            stop.set(true);
        }, "stdin");
        stdin.setDaemon(true);
        stdin.start();
        polling.onReady(() -> {
            System.out.println("ready");
            System.out.flush();
        }).run(stop::get);
        System.out.println("RESULT received=" + freshness.size() + " " + freshness.fields("", 1_000.0) + " " + polling.counters()
                + " first_error=" + polling.firstError().replace(' ', '_'));
        System.out.flush();
    }
}

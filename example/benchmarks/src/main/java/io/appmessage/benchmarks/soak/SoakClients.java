package io.appmessage.benchmarks.soak;

import io.appmessage.benchmarks.delivery.PollingClients;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client JVM of {@link SoakBenchmark}: {@code users} users, each with two devices — one polling every
 * {@code periodMillis} (the mini-program's 5 s interval), one long-polling with {@code wait} — so
 * {@code 2 × users} connections, each with its own cursor, dropping repeats by id. Every message sent to a
 * user must reach both of its devices once. Prints {@code ready} once every client has polled, and on
 * {@code stop} (a line on stdin) one {@code RESULT} line with both groups' counters.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.appmessage.benchmarks.soak.SoakClients 18080 2500 5000 25
 * }</pre>
 */
public final class SoakClients {

    private SoakClients() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
        int users = Integer.parseInt(args[1]);
        long periodMillis = Long.parseLong(args[2]);
        int waitSeconds = Integer.parseInt(args[3]);
        AtomicLong intervalReceived = new AtomicLong();
        AtomicLong longPollReceived = new AtomicLong();
        PollingClients interval = PollingClients.interval(server, users, periodMillis,
                (user, id, sent, received) -> intervalReceived.incrementAndGet());
        PollingClients longPoll = PollingClients.longPoll(server, users, waitSeconds,
                (user, id, sent, received) -> longPollReceived.incrementAndGet());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ready = new AtomicLong();
        Thread[] groups = {
                group("interval-clients", interval, stop, ready),
                group("long-poll-clients", longPoll, stop, ready)};
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                // only "stop" means anything
            }
        }
        stop.set(true);
        for (Thread t : groups) {
            t.join(30_000);
        }
        System.out.println("RESULT interval_received=" + intervalReceived.get() + " longpoll_received=" + longPollReceived.get()
                + " interval_" + interval.counters().replace(" ", " interval_")
                + " longpoll_" + longPoll.counters().replace(" ", " longpoll_")
                + " first_error=" + (interval.firstError() + longPoll.firstError()).replace(' ', '_'));
        System.out.flush();
    }

    private static Thread group(String name, PollingClients clients, AtomicBoolean stop, AtomicLong ready) {
        Thread t = new Thread(() -> {
            try {
                clients.onReady(() -> {
                    if (ready.incrementAndGet() == 2) {
                        System.out.println("ready");
                        System.out.flush();
                    }
                }).run(stop::get);
            } catch (java.io.IOException e) {
                System.err.println(name + " failed: " + e);
            }
        }, name);
        t.start();
        return t;
    }
}

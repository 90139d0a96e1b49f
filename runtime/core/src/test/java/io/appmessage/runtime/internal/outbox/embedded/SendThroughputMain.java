package io.appmessage.runtime.internal.outbox.embedded;

import io.appmessage.runtime.outbox.OutboxSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simple loop that measures embedded sends per second with 1, 4, 16 and 64 concurrent senders (each
 * send durable before it returns). Not a test: run by hand for the figures in OUTBOX.md
 * ({@code java -cp <test classpath> io.appmessage.runtime.internal.outbox.embedded.SendThroughputMain [seconds]}).
 */
public final class SendThroughputMain {

    private SendThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        for (int senders : new int[] {1, 4, 16, 64}) {
            Path dir = Files.createTempDirectory("outbox-bench");
            try (EmbeddedOutboxStore store = EmbeddedOutboxStore.open(dir, OutboxSettings.defaults())) {
                AtomicLong sends = new AtomicLong();
                long end = System.nanoTime() + (long) (seconds * 1e9);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < senders; t++) {
                    String user = "user" + t;
                    Thread thread = new Thread(() -> {
                        while (System.nanoTime() < end) {
                            store.append(user, "k", "{\"n\":1}");
                            sends.incrementAndGet();
                        }
                    });
                    threads.add(thread);
                    thread.start();
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                System.out.printf("%2d senders: %7.0f sends/s%n", senders, sends.get() / seconds);
            }
        }
    }
}

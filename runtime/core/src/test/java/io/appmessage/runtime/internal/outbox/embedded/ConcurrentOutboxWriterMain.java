package io.appmessage.runtime.internal.outbox.embedded;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import java.nio.file.Path;

/**
 * A child JVM of {@link EmbeddedOutboxKillTest}: {@code senders} threads send to their own user at once (so
 * sends are group-committed) and print {@code sent <user> <id>} only after each send returned, until killed.
 */
public final class ConcurrentOutboxWriterMain {
    private ConcurrentOutboxWriterMain() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int perSender = Integer.parseInt(args[1]);
        int senders = Integer.parseInt(args[2]);
        AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir,
                OutboxSettings.defaults().withMaxMessagesPerUser(perSender));
        for (int s = 0; s < senders; s++) {
            String user = "user" + s;
            Thread thread = new Thread(() -> {
                for (int i = 1; i <= perSender; i++) {
                    long id = outbox.sendJson(user, "seq", "{\"n\":" + i + "}");
                    synchronized (System.out) {
                        System.out.println("sent " + user + " " + id);
                        System.out.flush();
                    }
                }
            });
            thread.start();
        }
    }
}

package io.appmessage.runtime.internal.outbox.embedded;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import java.nio.file.Path;

/**
 * The child JVM of {@link EmbeddedOutboxKillTest}: sends messages one after another and prints
 * {@code sent <id>} only after each send returned, until it is killed.
 */
public final class OutboxWriterMain {
    private OutboxWriterMain() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir,
                OutboxSettings.defaults().withMaxMessagesPerUser(count));
        System.out.println("ready");
        System.out.flush();
        for (int i = 1; i <= count; i++) {
            long id = outbox.sendJson("alice", "seq", "{\"n\":" + i + "}");
            System.out.println("sent " + id);
            System.out.flush();
        }
        System.out.println("done");
        outbox.close();
    }
}

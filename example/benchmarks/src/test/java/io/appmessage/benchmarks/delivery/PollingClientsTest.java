package io.appmessage.benchmarks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.benchmarks.apps.PollApp;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery benchmarks' figures are only as good as their client: against a real server with a real
 * embedded outbox, every message reaches its user once, in order, with the send time it carried.
 */
class PollingClientsTest {

    private static final int USERS = 3;
    private static final int PER_USER = 5;

    record Seen(int user, long id, long sentMicros) {
    }

    @Test
    void longPollClients_receiveEveryMessageOnceInOrder(@TempDir Path dir) throws Exception {
        assertDelivered(dir, server -> PollingClients.longPoll(address(server), USERS, 5, listener()));
    }

    @Test
    void intervalClients_receiveEveryMessageOnceInOrder(@TempDir Path dir) throws Exception {
        assertDelivered(dir, server -> PollingClients.interval(address(server), USERS, 200, listener()));
    }

    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    private PollingClients.Listener listener() {
        return (user, id, sentMicros, receivedMicros) -> {
            assertThat(receivedMicros).isGreaterThanOrEqualTo(sentMicros);
            seen.add(new Seen(user, id, sentMicros));
        };
    }

    private void assertDelivered(Path dir, java.util.function.Function<AppMessageServer, PollingClients> clientsOf) throws Exception {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dir);
             AppMessageServer server = PollApp.builder().port(0).outbox(outbox).build().start()) {
            PollingClients clients = clientsOf.apply(server);
            AtomicBoolean stop = new AtomicBoolean();
            Thread thread = new Thread(() -> {
                try {
                    clients.run(stop::get);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            List<Seen> sent = new ArrayList<>();
            for (int i = 0; i < PER_USER; i++) {
                for (int user = 0; user < USERS; user++) {
                    long t = SendStamp.nowMicros();
                    long id = outbox.sendJson("u" + user, "bench", SendStamp.json(t));
                    sent.add(new Seen(user, id, t));
                }
                Thread.sleep(20);
            }
            for (int i = 0; i < 200 && seen.size() < sent.size(); i++) { // up to 10 s on a busy machine
                Thread.sleep(50);
            }
            stop.set(true);
            thread.join(5_000);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(sent);
            for (int user = 0; user < USERS; user++) {
                int u = user;
                assertThat(seen.stream().filter(s -> s.user() == u).map(Seen::id).toList())
                        .containsExactly(1L, 2L, 3L, 4L, 5L);
            }
            assertThat(clients.counters()).contains("errors=0", "duplicates=0", "gaps=0");
        }
    }

    private static InetSocketAddress address(AppMessageServer server) {
        return new InetSocketAddress("127.0.0.1", server.port());
    }
}

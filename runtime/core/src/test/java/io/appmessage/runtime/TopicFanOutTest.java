package io.appmessage.runtime;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** One topic, 1,000 subscribers long-polling over real HTTP: each gets every message exactly once, in order. */
class TopicFanOutTest {

    private static final int SUBSCRIBERS = 1_000;
    private static final int MESSAGES = 20;

    @TempDir
    Path dataDir;

    @Test
    void thousandSubscribers_eachGetEveryMessageOnce_inOrder() throws Exception {
        try (AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
             AppMessageServer server = Delivery.builder().outbox(outbox).publicTopics("live:*").build().start()) {
            String start = (String) Delivery.poll(server, null, null, "topics=live:1").get("cursor");
            List<CompletableFuture<List<Long>>> subscribers = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                subscribers.add(subscribe(server, start, new ArrayList<>()));
            }
            // usually all are held when the publishes start (woken by them); on a busy machine some are between
            // polls, and they get the messages with their next poll: the assertions hold either way
            for (int i = 0; i < 300 && server.heldPolls() < SUBSCRIBERS; i++) {
                Thread.sleep(100);
            }

            for (int i = 1; i <= MESSAGES; i++) {
                outbox.publishJson("live:1", "chat", Integer.toString(i));
            }

            List<Long> expected = java.util.stream.LongStream.rangeClosed(1, MESSAGES).boxed().toList();
            for (CompletableFuture<List<Long>> subscriber : subscribers) {
                assertThat(subscriber.get(120, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        }
    }

    /** Long-polls with its cursor until it has every message; completes with the ids in arrival order. */
    private static CompletableFuture<List<Long>> subscribe(AppMessageServer server, String cursor, List<Long> seen) {
        // a long client timeout: on a busy machine 1,000 answers at once may take a while after a 25 s hold
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                Http.uri(server, Delivery.path(cursor, "topics=live:1&wait=25"))).timeout(java.time.Duration.ofSeconds(90)).build();
        return Http.CLIENT.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString()).thenCompose(answer -> {
            Map<String, Object> envelope = Json.object(answer.body());
            for (Map<String, Object> message : Json.messages(envelope)) {
                seen.add((Long) message.get("id"));
            }
            if (seen.size() >= MESSAGES) {
                return CompletableFuture.completedFuture(seen);
            }
            return subscribe(server, (String) envelope.get("cursor"), seen);
        });
    }
}

package io.appmessage.runtime.internal.outbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: "messages survive a kill -9 of a child JVM; none lost". A child JVM sends and prints each id once
 * its send returned; the test kills it mid-stream with SIGKILL and reopens the file.
 */
class EmbeddedOutboxKillTest {

    private static final int SENDS = 100_000; // far more than get sent before the kill
    private static final int KILL_AFTER = 300;

    @TempDir
    Path dataDir;

    @Test
    void childJvmKilledMidStream_everyMessageWhoseSendReturnedIsStoredInOrderOnce() throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                OutboxWriterMain.class.getName(), dataDir.toString(), Integer.toString(SENDS))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<Long> confirmed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("sent ")) {
                    confirmed.add(Long.parseLong(line.substring(5)));
                    if (confirmed.size() == KILL_AFTER) {
                        // SIGKILL (no shutdown hook, no close()); through the handle so the ids already in the pipe are still read
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
        }
        assertThat(confirmed).as("the child was killed mid-stream, not after it finished").hasSizeBetween(KILL_AFTER, SENDS - 1);

        List<Long> stored = new ArrayList<>();
        try (EmbeddedOutboxStore store = EmbeddedOutboxStore.open(dataDir,
                OutboxSettings.defaults().withMaxMessagesPerUser(SENDS))) {
            Batch batch = store.read("alice", null, 1_000);
            stored.addAll(ids(batch));
            while (batch.hasMore()) {
                batch = store.read("alice", batch.cursor(), 1_000);
                stored.addAll(ids(batch));
            }
            // the store still takes sends after the crash, continuing the id sequence
            assertThat(store.append("alice", "seq", "0").id()).isEqualTo(stored.get(stored.size() - 1) + 1);
        }

        assertThat(stored).as("every confirmed id is stored").containsAll(confirmed);
        assertThat(stored).as("ids 1, 2, 3, … once each, in order")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, stored.size()).boxed().toList());
    }

    @Test
    void concurrentSendersKilledMidStream_groupCommittedSendsThatReturnedAreAllStored() throws Exception {
        int senders = 8;
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ConcurrentOutboxWriterMain.class.getName(), dataDir.toString(), Integer.toString(SENDS), Integer.toString(senders))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        java.util.Map<String, List<Long>> confirmed = new java.util.HashMap<>();
        int lines = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("sent")) {
                    confirmed.computeIfAbsent(parts[1], u -> new ArrayList<>()).add(Long.parseLong(parts[2]));
                    if (++lines == KILL_AFTER * 2) {
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
        }
        assertThat(lines).as("killed mid-stream").isBetween(KILL_AFTER * 2, SENDS * senders - 1);

        try (EmbeddedOutboxStore store = EmbeddedOutboxStore.open(dataDir,
                OutboxSettings.defaults().withMaxMessagesPerUser(SENDS))) {
            for (var user : confirmed.entrySet()) {
                List<Long> stored = new ArrayList<>();
                Batch batch = store.read(user.getKey(), null, 1_000);
                stored.addAll(ids(batch));
                while (batch.hasMore()) {
                    batch = store.read(user.getKey(), batch.cursor(), 1_000);
                    stored.addAll(ids(batch));
                }
                assertThat(stored).as("every confirmed id of " + user.getKey() + " is stored").containsAll(user.getValue());
                assertThat(stored).as("ids of " + user.getKey() + " are 1, 2, 3, … once each")
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, stored.size()).boxed().toList());
            }
        }
    }

    private static List<Long> ids(Batch batch) {
        return batch.messages().stream().map(OutboxMessage::id).toList();
    }
}

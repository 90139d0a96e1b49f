package io.appmessage.runtime.internal.outbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.outbox.MutableClock;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.spi.Batch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox file stays small in chunks however many commits it saw: each append is a commit and writes a
 * chunk, compaction moves the live pages of sparse chunks on, and the old chunks are freed. Opened with no
 * retention window, so what is left depends on compaction only, not on how fast the disk is (without
 * compaction this run leaves about 100 chunks, one per page still live; with it about 15). Idempotency keys
 * past the maximum age leave the file with later sends, no purge needed.
 */
class EmbeddedOutboxFileTest {

    private static final int USERS = 100;
    private static final int PER_USER = 20;

    @TempDir
    Path dataDir;

    @Test
    void thousandsOfCommits_leaveFewChunks_andEveryMessageReadsBackAfterReopening() {
        try (EmbeddedOutboxStore store = EmbeddedOutboxStore.open(dataDir, OutboxSettings.defaults(), 0)) {
            for (int round = 0; round < PER_USER; round++) {
                for (int u = 0; u < USERS; u++) {
                    store.append("user" + u, "k", "{\"round\":" + round + "}", "send-" + u + "-" + round);
                }
            }
        }
        int commits = USERS * PER_USER;
        assertThat(chunksInFile()).as("chunks left of %d commits", commits).isLessThan(commits / 50);

        try (EmbeddedOutboxStore store = EmbeddedOutboxStore.open(dataDir, OutboxSettings.defaults(), 0)) {
            for (int u = 0; u < USERS; u++) {
                Batch batch = store.read("user" + u, null, 100);
                List<OutboxMessage> messages = batch.messages();
                assertThat(messages).hasSize(PER_USER);
                for (int round = 0; round < PER_USER; round++) {
                    assertThat(messages.get(round).id()).isEqualTo(round + 1);
                    assertThat(messages.get(round).json()).isEqualTo("{\"round\":" + round + "}");
                }
            }
        }
    }

    @Test
    void idempotencyKeysPastMaxAge_leaveTheFileWithLaterSends_withoutAPurge() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        OutboxSettings settings = OutboxSettings.defaults().withClock(clock);
        try (EmbeddedOutboxStore store = EmbeddedOutboxStore.open(dataDir, settings)) {
            for (int i = 0; i < 300; i++) {
                store.append("user" + i % 30, "k", "1", "old-" + i);
            }
            clock.advance(settings.maxAge().plusSeconds(1));
            for (int i = 0; i < 100; i++) {
                store.append("user" + i % 30, "k", "2", "new-" + i);
            }
        }
        assertThat(entriesIn("idempotency_keys")).isEqualTo(100);
        assertThat(entriesIn("idempotency_expiry")).isEqualTo(100);
    }

    @Test
    void keyReusedAfterItExpired_staysKnown_whenItsFirstUseIsRemoved() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        OutboxSettings settings = OutboxSettings.defaults().withClock(clock);
        try (EmbeddedOutboxStore store = EmbeddedOutboxStore.open(dataDir, settings)) {
            store.append("alice", "k", "1", "once");
            clock.advance(settings.maxAge().plusSeconds(1));
            // expired: stored again, and this send removes the first use's expired entry
            assertThat(store.append("alice", "k", "2", "once").repeated()).isFalse();
            store.append("bob", "k", "3", "other");

            assertThat(store.append("alice", "k", "4", "once").repeated()).isTrue();
            assertThat(store.read("alice", null, 10).messages()).extracting(OutboxMessage::json).containsExactly("2");
        }
    }

    private int chunksInFile() {
        return inFile(file -> (int) file.getLayoutMap().keySet().stream().filter(k -> k.startsWith("chunk.")).count());
    }

    private int entriesIn(String map) {
        return inFile(file -> file.<String, String>openMap(map).size());
    }

    private int inFile(java.util.function.ToIntFunction<MVStore> question) {
        MVStore file = new MVStore.Builder().fileName(dataDir.resolve(EmbeddedOutboxStore.FILE_NAME).toString())
                .readOnly().open();
        try {
            return question.applyAsInt(file);
        } finally {
            file.close();
        }
    }
}

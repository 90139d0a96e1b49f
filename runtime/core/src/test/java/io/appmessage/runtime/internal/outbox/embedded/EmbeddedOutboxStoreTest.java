package io.appmessage.runtime.internal.outbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.outbox.MutableClock;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.OutboxUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedOutboxStoreTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private OutboxSettings settings;
    private EmbeddedOutboxStore store;

    @BeforeEach
    void open() {
        settings = OutboxSettings.defaults().withClock(clock);
        store = EmbeddedOutboxStore.open(dataDir, settings);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void purgeExpired_removesEveryUsersMessagesPastMaxAge_andIdsNeverGoBack() {
        reopenWith(settings.withMaxAge(Duration.ofHours(1)));
        store.append("alice", "k", "1");
        store.append("alice", "k", "2");
        store.append("bob", "k", "1");
        Cursor afterAll = store.read("alice", null, 10).cursor();

        clock.advance(Duration.ofHours(2));
        assertThat(store.purgeExpired()).isEqualTo(3);
        Batch afterPurge = store.read("alice", afterAll, 10);

        assertThat(afterPurge.messages()).isEmpty();
        assertThat(afterPurge.recovered()).isTrue(); // nothing after id 2 was ever lost
        assertThat(store.append("alice", "k", "3").id()).isEqualTo(3L); // ids never go back
    }

    @Test
    void idempotencyKeyPastMaxAge_isForgottenByPurgeAndTheSendIsStoredAgain() {
        store.append("alice", "k", "1", "once");
        clock.advance(settings.maxAge().plusSeconds(1));

        store.purgeExpired();
        reopenWith(settings);

        assertThat(store.append("alice", "k", "2", "once").repeated()).isFalse();
    }

    @Test
    void newDataDirectory_hasANewEpochSoOldCursorsAreNotRecovered(@TempDir Path otherDir) {
        store.append("alice", "k", "1");
        Cursor old = store.read("alice", null, 10).cursor();

        try (EmbeddedOutboxStore fresh = EmbeddedOutboxStore.open(otherDir, settings)) {
            fresh.append("alice", "k", "\"after reset\"");
            Batch batch = fresh.read("alice", old, 10);

            assertThat(fresh.epoch()).isNotEqualTo(store.epoch());
            assertThat(batch.recovered()).isFalse();
            assertThat(batch.messages()).extracting(OutboxMessage::json).containsExactly("\"after reset\"");
        }
    }

    @Test
    void secondOpenOfTheSameDirectory_failsWithAClearMessage() {
        assertThatThrownBy(() -> EmbeddedOutboxStore.open(dataDir, settings))
                .isInstanceOf(OutboxUnavailableException.class)
                .hasMessageContaining(dataDir.toAbsolutePath().toString())
                .hasMessageContaining("Only one node may open it");
    }

    private void reopenWith(OutboxSettings newSettings) {
        store.close();
        settings = newSettings;
        store = EmbeddedOutboxStore.open(dataDir, newSettings);
    }

}

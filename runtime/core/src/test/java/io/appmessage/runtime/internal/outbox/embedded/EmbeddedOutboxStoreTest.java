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
    void appendThenRead_givesMessagesOldestFirstWithIdsOneTwoThree() {
        store.append("alice", "a", "1");
        clock.advance(Duration.ofSeconds(1));
        store.append("alice", "b", "{\"x\":[1,2]}");
        store.append("alice", "c", "\"line\\nbreak\"");

        Batch batch = store.read("alice", null, 10);

        assertThat(batch.messages()).extracting(OutboxMessage::id).containsExactly(1L, 2L, 3L);
        assertThat(batch.messages()).extracting(OutboxMessage::key).containsExactly("a", "b", "c");
        assertThat(batch.messages()).extracting(OutboxMessage::json).containsExactly("1", "{\"x\":[1,2]}", "\"line\\nbreak\"");
        assertThat(batch.messages().get(1).sentAt()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(batch.hasMore()).isFalse();
        assertThat(batch.recovered()).isTrue();
        assertThat(batch.cursor()).isEqualTo(new Cursor(store.epoch(), 3));
    }

    @Test
    void readWithLimit_pagesThroughWithHasMoreAndTheNextCursor() {
        for (int i = 1; i <= 5; i++) {
            store.append("alice", "k", Integer.toString(i));
        }

        Batch first = store.read("alice", null, 2);
        Batch second = store.read("alice", first.cursor(), 2);
        Batch third = store.read("alice", second.cursor(), 2);
        Batch nothingNew = store.read("alice", third.cursor(), 2);

        assertThat(first.messages()).extracting(OutboxMessage::id).containsExactly(1L, 2L);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.messages()).extracting(OutboxMessage::id).containsExactly(3L, 4L);
        assertThat(second.hasMore()).isTrue();
        assertThat(third.messages()).extracting(OutboxMessage::id).containsExactly(5L);
        assertThat(third.hasMore()).isFalse();
        assertThat(nothingNew.messages()).isEmpty();
        assertThat(nothingNew.recovered()).isTrue();
        assertThat(nothingNew.cursor()).isEqualTo(third.cursor());
    }

    @Test
    void twoUsers_eachReadsOnlyTheirOwnWithTheirOwnIds() {
        store.append("a", "k", "\"for a\"");
        store.append("ab", "k", "\"for ab\"");
        store.append("a", "k", "\"for a again\"");

        assertThat(store.read("a", null, 10).messages()).extracting(OutboxMessage::json)
                .containsExactly("\"for a\"", "\"for a again\"");
        assertThat(store.read("ab", null, 10).messages()).extracting(OutboxMessage::id, OutboxMessage::json)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "\"for ab\""));
        assertThat(store.read("nobody", null, 10).messages()).isEmpty();
        assertThat(store.read("nobody", null, 10).cursor()).isEqualTo(new Cursor(store.epoch(), 0));
    }

    @Test
    void moreThanMaxCount_dropsTheOldestAndATrimmedCursorIsNotRecovered() {
        reopenWith(settings.withMaxMessagesPerUser(3));
        Cursor afterFirst = null;
        for (int i = 1; i <= 5; i++) {
            store.append("alice", "k", Integer.toString(i));
            if (i == 1) {
                afterFirst = store.read("alice", null, 10).cursor();
            }
        }

        Batch fromNewClient = store.read("alice", null, 10);
        Batch fromTrimmedCursor = store.read("alice", afterFirst, 10);
        Batch fromRetainedCursor = store.read("alice", new Cursor(store.epoch(), 2), 10);

        assertThat(fromNewClient.messages()).extracting(OutboxMessage::id).containsExactly(3L, 4L, 5L);
        assertThat(fromNewClient.recovered()).isTrue();
        assertThat(fromTrimmedCursor.messages()).extracting(OutboxMessage::id).containsExactly(3L, 4L, 5L);
        assertThat(fromTrimmedCursor.recovered()).isFalse();
        assertThat(fromRetainedCursor.messages()).extracting(OutboxMessage::id).containsExactly(3L, 4L, 5L);
        assertThat(fromRetainedCursor.recovered()).isTrue();
    }

    @Test
    void olderThanMaxAge_isNotReadAndACursorBeforeItIsNotRecovered() {
        reopenWith(settings.withMaxAge(Duration.ofHours(1)));
        store.append("alice", "k", "1");
        Cursor beforeSecond = store.read("alice", null, 10).cursor();
        store.append("alice", "k", "2");
        clock.advance(Duration.ofMinutes(59));
        store.append("alice", "k", "3");
        clock.advance(Duration.ofMinutes(2)); // 1 and 2 are now 61 minutes old, 3 is 2 minutes old

        Batch fromCursor = store.read("alice", beforeSecond, 10);

        assertThat(fromCursor.messages()).extracting(OutboxMessage::id).containsExactly(3L);
        assertThat(fromCursor.recovered()).isFalse();
        assertThat(store.read("alice", null, 10).messages()).extracting(OutboxMessage::id).containsExactly(3L);

        clock.advance(Duration.ofHours(2));
        assertThat(store.purgeExpired()).isEqualTo(3);
        Batch afterPurge = store.read("alice", fromCursor.cursor(), 10);
        assertThat(afterPurge.messages()).isEmpty();
        assertThat(afterPurge.recovered()).isTrue(); // nothing after id 3 was ever lost
        assertThat(store.append("alice", "k", "4").id()).isEqualTo(4L); // ids never go back
    }

    @Test
    void cursorOfAnotherEpoch_isNotRecoveredAndStartsAtTheOldest() {
        store.append("alice", "k", "1");
        store.append("alice", "k", "2");

        Batch batch = store.read("alice", new Cursor("0123456789abcdef", 1), 10);

        assertThat(batch.recovered()).isFalse();
        assertThat(batch.messages()).extracting(OutboxMessage::id).containsExactly(1L, 2L);
        assertThat(batch.cursor()).isEqualTo(new Cursor(store.epoch(), 2));
    }

    @Test
    void cursorAheadOfTheStore_isNotRecovered() {
        store.append("alice", "k", "1");

        Batch batch = store.read("alice", new Cursor(store.epoch(), 7), 10);

        assertThat(batch.recovered()).isFalse();
        assertThat(batch.messages()).extracting(OutboxMessage::id).containsExactly(1L);
    }

    @Test
    void newClientWhenHistoryIsOff_startsFromNow() {
        reopenWith(settings.withNewClientsGetHistory(false));
        store.append("alice", "k", "1");

        Batch first = store.read("alice", null, 10);
        store.append("alice", "k", "2");
        Batch second = store.read("alice", first.cursor(), 10);

        assertThat(first.messages()).isEmpty();
        assertThat(first.recovered()).isTrue();
        assertThat(second.messages()).extracting(OutboxMessage::id).containsExactly(2L);
    }

    @Test
    void closeAndReopen_keepsEpochMessagesAndIdSequence() {
        store.append("alice", "k", "1");
        store.append("alice", "k", "2");
        String epoch = store.epoch();

        reopenWith(settings);

        assertThat(store.epoch()).isEqualTo(epoch);
        assertThat(store.read("alice", null, 10).messages()).extracting(OutboxMessage::json).containsExactly("1", "2");
        assertThat(store.append("alice", "k", "3").id()).isEqualTo(3L);
    }

    @Test
    void idempotencyKey_survivesAReopen_soTheRetryStoresNothingNew() {
        long first = store.append("alice", "k", "\"shipped\"", "order-42").message().id();

        reopenWith(settings);
        io.appmessage.runtime.spi.OutboxStore.Appended retry = store.append("alice", "k", "\"shipped\"", "order-42");

        assertThat(retry.repeated()).isTrue();
        assertThat(retry.message().id()).isEqualTo(first);
        assertThat(store.read("alice", null, 10).messages()).extracting(OutboxMessage::json).containsExactly("\"shipped\"");
        assertThat(store.append("alice", "k", "2").id()).isEqualTo(first + 1);
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

package io.appmessage.runtime.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.outbox.MutableClock;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;
import io.appmessage.runtime.spi.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link OutboxStore} contract, run against every store: each store's test extends this and says how to
 * open its store. A third-party store can run the same checks by extending it from the test jar.
 *
 * <p>{@link #open(OutboxSettings)} opens the store on the data of the current test: opening again (after
 * {@link #reopenWith}) must see what was stored before, as a restarted node would.
 */
public abstract class OutboxStoreContract {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    protected OutboxSettings settings;
    protected OutboxStore store;

    /** Opens the store on this test's data (the same data every time within one test). */
    protected abstract OutboxStore open(OutboxSettings settings);

    @BeforeEach
    void openStore() {
        settings = OutboxSettings.defaults().withClock(clock);
        store = open(settings);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected void reopenWith(OutboxSettings newSettings) {
        store.close();
        settings = newSettings;
        store = open(newSettings);
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

        assertThat(ids(first)).containsExactly(1L, 2L);
        assertThat(first.hasMore()).isTrue();
        assertThat(ids(second)).containsExactly(3L, 4L);
        assertThat(second.hasMore()).isTrue();
        assertThat(ids(third)).containsExactly(5L);
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
        store.append("a}:{x", "k", "\"braces\"");

        assertThat(store.read("a", null, 10).messages()).extracting(OutboxMessage::json)
                .containsExactly("\"for a\"", "\"for a again\"");
        assertThat(store.read("ab", null, 10).messages()).extracting(OutboxMessage::id, OutboxMessage::json)
                .containsExactly(Tuple.tuple(1L, "\"for ab\""));
        assertThat(store.read("a}:{x", null, 10).messages()).extracting(OutboxMessage::id, OutboxMessage::json)
                .containsExactly(Tuple.tuple(1L, "\"braces\""));
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
        Batch page = store.read("alice", null, 2);
        Batch rest = store.read("alice", page.cursor(), 2);

        assertThat(ids(fromNewClient)).containsExactly(3L, 4L, 5L);
        assertThat(fromNewClient.recovered()).isTrue();
        assertThat(ids(fromTrimmedCursor)).containsExactly(3L, 4L, 5L);
        assertThat(fromTrimmedCursor.recovered()).isFalse();
        assertThat(ids(fromRetainedCursor)).containsExactly(3L, 4L, 5L);
        assertThat(fromRetainedCursor.recovered()).isTrue();
        assertThat(ids(page)).containsExactly(3L, 4L);
        assertThat(page.hasMore()).isTrue();
        assertThat(ids(rest)).containsExactly(5L);
        assertThat(rest.hasMore()).isFalse();
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
        assertThat(ids(fromCursor)).containsExactly(3L);
        assertThat(fromCursor.recovered()).isFalse();
        assertThat(ids(store.read("alice", null, 10))).containsExactly(3L);

        store.append("alice", "k", "4"); // trims 1 and 2 for real
        assertThat(ids(store.read("alice", null, 10))).containsExactly(3L, 4L);
        assertThat(store.read("alice", new Cursor(store.epoch(), 3), 10).recovered()).isTrue();
    }

    @Test
    void cursorOfAnotherEpoch_isNotRecoveredAndStartsAtTheOldest() {
        store.append("alice", "k", "1");
        store.append("alice", "k", "2");

        Batch batch = store.read("alice", new Cursor("0123456789abcdef", 1), 10);

        assertThat(batch.recovered()).isFalse();
        assertThat(ids(batch)).containsExactly(1L, 2L);
        assertThat(batch.cursor()).isEqualTo(new Cursor(store.epoch(), 2));
    }

    @Test
    void cursorAheadOfTheStore_isNotRecovered() {
        store.append("alice", "k", "1");

        Batch batch = store.read("alice", new Cursor(store.epoch(), 7), 10);

        assertThat(batch.recovered()).isFalse();
        assertThat(ids(batch)).containsExactly(1L);
    }

    @Test
    void unrecognizedCursor_isNotRecovered() {
        store.append("alice", "k", "1");

        Batch batch = store.read("alice", Cursor.UNRECOGNIZED, 10);

        assertThat(batch.recovered()).isFalse();
        assertThat(ids(batch)).containsExactly(1L);
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
        assertThat(ids(second)).containsExactly(2L);
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
    void sameIdempotencyKey_returnsTheFirstIdAndStoresNothingNew_evenAfterAReopen() {
        OutboxStore.Appended first = store.append("alice", "k", "\"shipped\"", "order-42");
        OutboxStore.Appended again = store.append("alice", "k", "\"shipped, again\"", "order-42");
        reopenWith(settings);
        OutboxStore.Appended afterReopen = store.append("alice", "k", "\"shipped\"", "order-42");
        OutboxStore.Appended otherKey = store.append("alice", "k", "\"paid\"", "order-43");

        assertThat(first.repeated()).isFalse();
        assertThat(again.repeated()).isTrue();
        assertThat(afterReopen.repeated()).isTrue();
        assertThat(again.message().id()).isEqualTo(afterReopen.message().id()).isEqualTo(first.message().id()).isEqualTo(1L);
        assertThat(otherKey.message().id()).isEqualTo(2L);
        assertThat(store.read("alice", null, 10).messages()).extracting(OutboxMessage::json)
                .containsExactly("\"shipped\"", "\"paid\"");
    }

    @Test
    void idempotencyKeysArePerUser() {
        long forA = store.append("a}:x", "k", "1", "k1").message().id();
        OutboxStore.Appended forB = store.append("a", "k", "2", "x}:k1");
        OutboxStore.Appended sameKeyOtherUser = store.append("b", "k", "3", "k1");

        assertThat(forA).isEqualTo(1L);
        assertThat(forB.repeated()).isFalse();
        assertThat(sameKeyOtherUser.repeated()).isFalse();
        assertThat(ids(store.read("b", null, 10))).containsExactly(1L);
    }

    @Test
    void idempotencyKeyPastTheRetentionWindow_isForgotten() {
        reopenWith(settings.withMaxAge(Duration.ofHours(1)));
        store.append("alice", "k", "1", "once");
        clock.advance(Duration.ofMinutes(59));
        assertThat(store.append("alice", "k", "1", "once").repeated()).isTrue();

        clock.advance(Duration.ofMinutes(2));
        OutboxStore.Appended late = store.append("alice", "k", "1", "once");

        assertThat(late.repeated()).isFalse();
        assertThat(late.message().id()).isEqualTo(2L);
    }

    @Test
    void concurrentSendsWithOneKey_storeOneMessage() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> sends = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                sends.add(() -> store.append("alice", "k", "\"once\"", "the-key").message().id());
            }
            List<Long> answered = new ArrayList<>();
            for (Future<Long> id : pool.invokeAll(sends)) {
                answered.add(id.get());
            }

            assertThat(answered).containsOnly(1L);
            assertThat(ids(store.read("alice", null, 100))).containsExactly(1L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void topic_publishThenRead_hasItsOwnIdsApartFromAUserOfTheSameName() {
        store.append("live:42", "personal", "0");
        store.appendToTopic("live:42", "chat", "\"a\"");
        clock.advance(Duration.ofSeconds(1));
        store.appendToTopic("live:42", "chat", "{\"text\":\"b\"}");
        store.appendToTopic("all", "sale", "1");

        Batch room = store.readTopic("live:42", null, 10);
        Batch afterFirst = store.readTopic("live:42", new Cursor(store.epoch(), 1), 10);

        assertThat(room.messages()).extracting(OutboxMessage::id, OutboxMessage::key, OutboxMessage::json)
                .containsExactly(Tuple.tuple(1L, "chat", "\"a\""), Tuple.tuple(2L, "chat", "{\"text\":\"b\"}"));
        assertThat(room.messages().get(1).sentAt()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(room.recovered()).isTrue();
        assertThat(room.cursor().lastId()).isEqualTo(2);
        assertThat(ids(afterFirst)).containsExactly(2L);
        assertThat(ids(store.readTopic("all", null, 10))).containsExactly(1L);
        assertThat(ids(store.read("live:42", null, 10))).containsExactly(1L); // the user's stream is untouched
        assertThat(ids(store.readTopic("nobody", null, 10))).isEmpty();
    }

    @Test
    void topic_moreThanMaxPerTopic_dropsTheOldestAndATrimmedCursorIsNotRecovered() {
        reopenWith(settings.withMaxMessagesPerTopic(3));
        for (int i = 1; i <= 5; i++) {
            store.appendToTopic("live:1", "k", Integer.toString(i));
            store.append("alice", "k", Integer.toString(i)); // the personal limit (1,000) is not the topic's
        }

        Batch trimmed = store.readTopic("live:1", new Cursor(store.epoch(), 1), 10);
        Batch retained = store.readTopic("live:1", new Cursor(store.epoch(), 2), 10);

        assertThat(ids(trimmed)).containsExactly(3L, 4L, 5L);
        assertThat(trimmed.recovered()).isFalse();
        assertThat(ids(retained)).containsExactly(3L, 4L, 5L);
        assertThat(retained.recovered()).isTrue();
        assertThat(ids(store.read("alice", null, 10))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void topic_olderThanMaxTopicAge_isNotRead() {
        reopenWith(settings.withMaxTopicAge(Duration.ofMinutes(10)));
        store.appendToTopic("live:1", "k", "1");
        clock.advance(Duration.ofMinutes(11));
        store.appendToTopic("live:1", "k", "2");

        Batch fromStart = store.readTopic("live:1", new Cursor(store.epoch(), 0), 10);

        assertThat(ids(fromStart)).containsExactly(2L);
        assertThat(fromStart.recovered()).isFalse();
    }

    @Test
    void topic_newSubscriberWhenHistoryIsOff_startsFromNow_andOtherEpochIsNotRecovered() {
        store.appendToTopic("live:1", "k", "1");
        reopenWith(settings.withNewClientsGetHistory(false));
        store.appendToTopic("live:1", "k", "2");

        Batch fresh = store.readTopic("live:1", null, 10);
        Batch foreign = store.readTopic("live:1", new Cursor("0123abcd", 2), 10);

        assertThat(ids(fresh)).isEmpty();
        assertThat(fresh.cursor().lastId()).isEqualTo(2);
        assertThat(fresh.recovered()).isTrue();
        assertThat(ids(foreign)).containsExactly(1L, 2L);
        assertThat(foreign.recovered()).isFalse();
    }

    @Test
    void topic_sameIdempotencyKey_returnsTheFirstIdAndStoresNothingNew() {
        OutboxStore.Appended first = store.appendToTopic("live:1", "k", "1", "sale-started");
        OutboxStore.Appended repeat = store.appendToTopic("live:1", "k", "2", "sale-started");
        OutboxStore.Appended otherTopic = store.appendToTopic("live:2", "k", "3", "sale-started");

        assertThat(first.repeated()).isFalse();
        assertThat(repeat.repeated()).isTrue();
        assertThat(repeat.message().id()).isEqualTo(first.message().id());
        assertThat(otherTopic.repeated()).isFalse();
        assertThat(ids(store.readTopic("live:1", null, 10))).containsExactly(1L);
    }

    protected static List<Long> ids(Batch batch) {
        return batch.messages().stream().map(OutboxMessage::id).toList();
    }
}

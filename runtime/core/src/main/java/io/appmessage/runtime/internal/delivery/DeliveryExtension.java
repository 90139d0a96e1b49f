package io.appmessage.runtime.internal.delivery;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.internal.dispatch.PollContext;
import io.appmessage.runtime.internal.dispatch.PollExtension;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxMessage;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.MessageSignal;
import io.appmessage.runtime.spi.WakeListener;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Targeted messages and long-poll on the poll path, as one poll stage that runs before every
 * other extension.
 *
 * <p>Before the handlers: a poll that asks to {@code wait} (and may: long-poll on, below the
 * {@code maxHeldPolls} cap, not shutting down) is registered as held <em>first</em>, then the
 * outbox is checked once; with something to deliver (or an unknown cursor) it answers at once,
 * else it is held, with no thread, until a wake-up for its user or everyone, the end of its wait,
 * or its client going away. After the handlers (at answer time): the outbox is read after the
 * cursor, at most the batch size, and the fields are written.
 *
 * <pre>{@code
 * DeliveryExtension delivery = DeliveryExtension.create(outbox, signal, 100, true,
 *         Duration.ofSeconds(25), 20_000, timer, observer);
 * builder.extension(delivery);   // first
 * }</pre>
 */
public final class DeliveryExtension implements PollExtension, AutoCloseable {

    private final AppMessageOutbox outbox;
    private final OutboxReader reader;
    private final boolean longPoll;
    private final int capSeconds;
    private final HeldPolls held;
    private final PollCursor.Memo cursors = new PollCursor.Memo();
    private final TopicMessagesJson topicMessages = new TopicMessagesJson();
    /** One thread that releases the held polls of a busy topic, off the publishing thread. */
    private final ExecutorService releases;
    private final MessageSignal.Subscription subscription;
    private volatile BooleanSupplier closing = () -> false;
    /** Null when no observer is set. */
    private final PollObserver observer;

    private DeliveryExtension(AppMessageOutbox outbox, MessageSignal signal, int batchSize, boolean longPoll,
                              Duration cap, int maxHeldPolls, ScheduledExecutorService timer, PollObserver observer) {
        this.outbox = outbox;
        this.observer = observer;
        this.reader = outbox == null ? null : new OutboxReader(outbox, batchSize, Duration.ofSeconds(10).toNanos());
        this.longPoll = longPoll;
        this.capSeconds = (int) Math.min(Integer.MAX_VALUE, cap.toSeconds());
        this.releases = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "appmessage-topic-wake");
            t.setDaemon(true);
            return t;
        });
        this.held = new HeldPolls(maxHeldPolls, timer, releases);
        this.subscription = signal.subscribe(reader == null ? held : new WakeListener() {
            @Override
            public void userChanged(String userId) {
                held.userChanged(userId);
            }

            @Override
            public void everyoneChanged() {
                reader.everyoneChanged();
                held.everyoneChanged();
            }

            @Override
            public void topicChanged(String topic) {
                reader.topicChanged(topic); // first: the polls it wakes must not reuse a read from before
                held.topicChanged(topic);
            }
        });
    }

    /**
     * @param outbox the targeted-message outbox, or null for none (no {@code messages} field)
     * @param signal what wakes held polls: the outbox's signal, or a local one without an outbox
     * @param timer  where the ends of waits are scheduled (one shared thread for every held poll)
     * @param observer told of polls refused a hold and of every message an answer carries; null for none
     */
    public static DeliveryExtension create(AppMessageOutbox outbox, MessageSignal signal, int batchSize,
                                           boolean longPoll, Duration cap, int maxHeldPolls,
                                           ScheduledExecutorService timer, PollObserver observer) {
        return new DeliveryExtension(outbox, signal, batchSize, longPoll, cap, maxHeldPolls, timer, observer);
    }

    /** Where to ask whether the server is shutting down: then polls are not held. */
    public void closingWhen(BooleanSupplier closing) {
        this.closing = closing;
    }

    /** How many polls are held now. */
    public int heldPolls() {
        return held.size();
    }

    /** Answers every held poll now (shutdown). */
    public void releaseAll() {
        held.releaseAll();
    }

    /** Stops listening to the signal. */
    @Override
    public void close() {
        subscription.close();
        releases.shutdown();
        held.close();
    }

    /** A poll with no user never reads the outbox: registering a hold does not block. */
    @Override
    public boolean mayBlockAnonymousPolls() {
        return false;
    }

    @Override
    public CompletionStage<?> beforeHandlers(PollContext poll) {
        AppMessageRequest request = poll.request();
        String userId = request.userId().orElse(null);
        PollTopics topics = outbox != null
                ? PollTopics.of(request, outbox.topicAuthorizer(), outbox.maxTopicsPerPoll()) : PollTopics.NONE;
        String cursorText = outbox != null && (userId != null || !topics.none()) ? PollDeliveryRequest.cursor(request) : null;
        PollState state = new PollState(userId, cursors.parse(cursorText), topics);
        poll.attach(state);
        int asked = PollDeliveryRequest.waitSeconds(request, capSeconds); // checked even with long-poll off: 400 if malformed
        int seconds = longPoll ? asked : 0;
        if (seconds > 0) {
            poll.longPoll();
        }
        if (seconds == 0 || closing.getAsBoolean()) {
            return null;
        }
        HeldPoll hold = held.tryHold(userId, topics.allowed(), seconds);
        if (hold == null) {
            if (observer != null) {
                observer.pollRefused(PollObserver.Refusal.TOO_MANY_HELD);
            }
            return null; // at the cap: answered at once without "wait", so the client falls back to its interval
        }
        state.waitSeconds = seconds;
        if (closing.getAsBoolean()) {
            hold.release(); // shutdown began after the first check and may have released before we registered
            return null;
        }
        if (outbox != null && state.read(reader)) {
            hold.release(); // something to deliver now: answer at once, with these very batches
            return null;
        }
        state.forget(); // nothing yet (or the store unavailable): the answer reads again
        poll.onClientGone(hold::release);
        return hold.released();
    }

    @Override
    public void afterHandlers(PollContext poll) {
        PollState state = (PollState) poll.attachment();
        if (outbox == null) {
            if (state.waitSeconds > 0) {
                poll.envelopeFields(new DeliveryFields(false, null, null, state.waitSeconds));
            }
            return;
        }
        if (!state.wasRead) {
            state.read(reader); // anonymous polls without topics get no messages and cost no read
        }
        delivered(poll, state.personal);
        for (Batch batch : state.topicBatches.values()) {
            delivered(poll, batch);
        }
        if (state.topics.none()) {
            poll.envelopeFields(new DeliveryFields(true, state.personal, state.cursor.personal(), state.waitSeconds));
        } else {
            poll.envelopeFields(new TopicDeliveryFields(state.personal, state.cursor, state.topics,
                    state.topicBatches, state.waitSeconds, cursors, topicMessages));
        }
    }

    private void delivered(PollContext poll, Batch batch) {
        if (batch != null && !batch.messages().isEmpty()) {
            poll.messagesDelivered(batch.messages().size());
            if (observer != null) {
                for (OutboxMessage message : batch.messages()) {
                    observer.messageDelivered(message.key(), message.sentAt());
                }
            }
        }
    }

    /** One poll's delivery state, between the two stages. */
    private static final class PollState {
        final String userId;
        final PollCursor cursor;
        final PollTopics topics;
        int waitSeconds;
        boolean wasRead;
        /** Null: anonymous, or the store unavailable. */
        Batch personal;
        /** Per allowed topic, in the order listed; a topic the store could not read is absent. */
        final Map<String, Batch> topicBatches = new LinkedHashMap<>();

        PollState(String userId, PollCursor cursor, PollTopics topics) {
            this.userId = userId;
            this.cursor = cursor;
            this.topics = topics;
        }

        /** Drops what {@link #read} found, so the answer reads afresh. */
        void forget() {
            wasRead = false;
            personal = null;
            topicBatches.clear();
        }

        /** Reads the personal stream and every allowed topic; true when there is something to answer now. */
        boolean read(OutboxReader reader) {
            wasRead = true;
            boolean now = false;
            if (userId != null) {
                personal = reader.read(userId, cursor.personal());
                now = personal != null && (!personal.messages().isEmpty() || !personal.recovered());
            }
            for (String topic : topics.allowed()) {
                Batch batch = reader.readTopic(topic, cursor.topic(topic));
                if (batch != null) {
                    topicBatches.put(topic, batch);
                    now |= !batch.messages().isEmpty() || !batch.recovered();
                }
            }
            return now;
        }
    }
}

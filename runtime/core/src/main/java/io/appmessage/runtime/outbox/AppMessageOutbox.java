package io.appmessage.runtime.outbox;

import io.appmessage.runtime.internal.outbox.embedded.EmbeddedOutboxStore;
import io.appmessage.runtime.internal.outbox.signal.LocalMessageSignal;
import io.appmessage.runtime.spi.MessageSignal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import io.appmessage.runtime.internal.outbox.CloseAll;
import io.appmessage.runtime.internal.outbox.PersonalMessages;
import io.appmessage.runtime.internal.outbox.SendReporter;
import io.appmessage.runtime.internal.outbox.TopicPublisher;
import io.appmessage.runtime.TopicAuthorizer;
import io.appmessage.runtime.spi.OutboxStore;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.spi.Batch;
import io.appmessage.runtime.spi.Cursor;

/**
 * Targeted messages: tell one user something the moment it happens, and be sure it arrives.
 * A send is stored durably before it returns its id; the user's next poll
 * (or a held long-poll, woken by the {@link MessageSignal}) carries it, and it is sent again until a later
 * cursor acknowledges it.
 *
 * <pre>{@code
 * try (AppMessageOutbox outbox = AppMessageOutbox.embedded(Path.of("appmessage-data"))) {
 *     long id = outbox.sendJson("alice", "order_shipped", "{\"order\":42,\"carrier\":\"SF\"}");
 *     Batch batch = outbox.read("alice", cursorFromThePoll, 100);   // the poll path
 * }
 * }</pre>
 *
 * For several nodes: {@code RedisOutboxes.connect("redis://host:6379", OutboxSettings.defaults())}.
 */
public final class AppMessageOutbox implements AutoCloseable {
    /** Default data directory of the embedded store, relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("appmessage-data");

    private final OutboxStore store;
    private final MessageSignal signal;
    private final OutboxSerializer serializer;
    private final List<AutoCloseable> closeAfter;
    private final SendReporter reporter = new SendReporter();
    private final PersonalMessages personal;
    private final TopicPublisher topics;
    /** Who may read which topic and how many per poll: set by the poll server this outbox is given to. */
    private volatile TopicAuthorizer topicAuthorizer = TopicAuthorizer.NONE;
    private volatile int maxTopicsPerPoll = 16;

    private AppMessageOutbox(Builder builder) {
        this.store = builder.store;
        this.signal = builder.signal != null ? builder.signal : new LocalMessageSignal();
        this.serializer = new OutboxSerializer(builder.jsonSerializer);
        this.closeAfter = List.copyOf(builder.closeAfter);
        this.personal = new PersonalMessages(store, signal, reporter, builder.settings.maxJsonChars());
        this.topics = new TopicPublisher(store, signal, reporter, builder.settings.maxJsonChars());
    }

    /** The embedded store under {@code dataDir}, default retention, an in-process signal. */
    public static AppMessageOutbox embedded(Path dataDir) {
        return embedded(dataDir, OutboxSettings.defaults());
    }

    /** The embedded store under {@code dataDir} with these settings, an in-process signal. */
    public static AppMessageOutbox embedded(Path dataDir, OutboxSettings settings) {
        return builder(EmbeddedOutboxStore.open(dataDir, settings)).settings(settings).build();
    }

    /** Wires an outbox from parts; see {@link Builder}. */
    public static Builder builder(OutboxStore store) {
        return new Builder(store);
    }

    /**
     * Stores {@code json} for {@code userId} under {@code key}, durably, then wakes that user's waiting polls.
     *
     * @param json the data as one JSON value, already serialized (e.g. {@code "{\"order\":42}"} or
     *             {@code "\"shipped\""})
     * @return the message id: 1, 2, 3, … per user
     * @throws IllegalArgumentException      naming the rule when the user id, key or JSON is not acceptable
     * @throws OutboxOutcomeUnknownException when the store did not answer in time: the message may have been
     *                                       stored (use {@link #sendJson(String, String, String, String)} to
     *                                       retry safely)
     * @throws OutboxUnavailableException    (exactly this type) when the store certainly did not store it
     */
    public long sendJson(String userId, String key, String json) {
        return personal.send(userId, key, json, null);
    }

    /**
     * Like {@link #sendJson(String, String, String)}, at most once per {@code idempotencyKey}: a send retried
     * with the same key within the retention window ({@link OutboxSettings#maxAge()}) stores nothing new and
     * returns the first send's id. Keys are per user; use one that names the event, e.g.
     * {@code "order-42-shipped"}, or the client's {@code Idempotency-Key} header.
     *
     * <pre>{@code
     * long id = outbox.sendJson("alice", "order_shipped", json, "order-42-shipped");
     * long same = outbox.sendJson("alice", "order_shipped", json, "order-42-shipped");   // == id, nothing stored
     * }</pre>
     *
     * @param idempotencyKey 1–128 characters without control characters
     * @throws OutboxOutcomeUnknownException when the store did not answer in time: retry with the same key
     * @throws OutboxUnavailableException    (exactly this type) when the store certainly did not store it
     * @throws UnsupportedOperationException when the store does not keep idempotency keys
     */
    public long sendJson(String userId, String key, String json, String idempotencyKey) {
        return personal.send(userId, key, json, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
    }

    /**
     * Serializes {@code data} with the configured JSON serializer, then {@link #sendJson}. Given to a
     * poll server, the outbox serializes like pushed handler data (records through their generated writers).
     *
     * @throws IllegalArgumentException naming the type when {@code data} has no JSON form (nothing is stored)
     * @throws IllegalStateException when this outbox was built without a serializer (use {@code sendJson})
     */
    public long send(String userId, String key, Object data) {
        return sendJson(userId, key, serializer.serialize(data));
    }

    /**
     * Serializes {@code data} like {@link #send(String, String, Object)}, then
     * {@link #sendJson(String, String, String, String)}: at most once per idempotency key.
     */
    public long send(String userId, String key, Object data, String idempotencyKey) {
        return sendJson(userId, key, serializer.serialize(data), idempotencyKey);
    }

    /**
     * Stores {@code json} for every subscriber of {@code topic} (a live room {@code live:42}, an order's
     * watchers {@code order:A-1001}, {@code all}), durably, then wakes the polls subscribed to it on every
     * node. Polls list topics ({@code topics=live:42,all}); a {@link TopicAuthorizer} decides who reads what.
     * History per topic: {@link OutboxSettings#maxMessagesPerTopic()}, {@link OutboxSettings#maxTopicAge()}.
     *
     * <pre>{@code
     * long id = outbox.publishJson("live:42", "chat", "{\"from\":\"alice\",\"text\":\"hi\"}");
     * }</pre>
     *
     * @return the message id: 1, 2, 3, … per topic
     * @throws IllegalArgumentException naming the rule when the topic ({@code [A-Za-z0-9_.:-]}, at most 128
     *                                  characters), key or JSON is not acceptable
     * @throws OutboxOutcomeUnknownException when the store did not answer in time (retry with an idempotency key)
     * @throws OutboxUnavailableException    (exactly this type) when the store certainly did not store it
     */
    public long publishJson(String topic, String key, String json) {
        return topics.publishJson(topic, key, json, null);
    }

    /** Like {@link #publishJson(String, String, String)}, at most once per idempotency key and topic. */
    public long publishJson(String topic, String key, String json, String idempotencyKey) {
        return topics.publishJson(topic, key, json, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
    }

    /** Serializes {@code data} like {@link #send(String, String, Object)}, then {@link #publishJson}. */
    public long publish(String topic, String key, Object data) {
        return publishJson(topic, key, serializer.serialize(data));
    }

    /** Serializes {@code data}, then {@link #publishJson(String, String, String, String)}. */
    public long publish(String topic, String key, Object data, String idempotencyKey) {
        return publishJson(topic, key, serializer.serialize(data), idempotencyKey);
    }

    /**
     * The poll path: a topic's messages after {@code after} ({@code null}: a new subscriber).
     *
     * @throws OutboxUnavailableException when the store cannot be read: answer the poll without them
     */
    public Batch readTopic(String topic, Cursor after, int limit) {
        return topics.read(topic, after, limit);
    }

    /**
     * Who may read which topic, and how many topics one poll may list: the poll server sets this when the
     * outbox is given to it ({@code AppMessageServer.builder().publicTopics(...).topicAuthorizer(...)}).
     */
    public void authorizeTopicsWith(TopicAuthorizer authorizer, int maxTopicsPerPoll) {
        this.topicAuthorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.maxTopicsPerPoll = maxTopicsPerPoll;
    }

    /** The authorizer polls' topics are checked with ({@link TopicAuthorizer#NONE} until a server sets one). */
    public TopicAuthorizer topicAuthorizer() { return topicAuthorizer; }

    /** Most topics one poll may list. */
    public int maxTopicsPerPoll() { return maxTopicsPerPoll; }

    /**
     * Gives this outbox a serializer for {@link #send(String, String, Object)} unless it has one. The
     * poll server calls this when the outbox is given to it ({@code AppMessageServer.builder().outbox(...)}),
     * with the writers it uses for pushed data (generated record writers included), so messages and
     * handler data serialize the same way; a serializer set on the {@link Builder} wins.
     *
     * @return true when this serializer was taken
     */
    public boolean useJsonSerializerIfNone(Function<Object, String> serializer) {
        return this.serializer.useIfNone(serializer);
    }

    /**
     * The poll path: the user's messages after the cursor text the client sent.
     *
     * @param cursorText the client's cursor as sent; {@code null} or blank for a client that has none yet; a
     *                   malformed one is answered like an unknown cursor ({@code recovered=false})
     * @param limit      at most this many messages (1 to {@value ReadWindow#MAX_LIMIT})
     * @throws OutboxUnavailableException when the store cannot be read: answer the poll without messages
     */
    public Batch read(String userId, String cursorText, int limit) {
        return personal.read(userId, cursorText, limit);
    }

    /**
     * Tells {@code observer} of every send, failed send and change of the store's availability
     * (the poll server sets its observers here when the outbox is given to it); null for none.
     */
    public void observeWith(PollObserver observer) {
        reporter.observeWith(observer);
    }

    /** The signal long-poll subscribes to, and app code calls when handler data changed. */
    public MessageSignal signal() {
        return signal;
    }

    /** The store behind this outbox. */
    public OutboxStore store() {
        return store;
    }

    /** Closes the signal, the store, then whatever was registered with {@link Builder#closeAfter}. */
    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>();
        all.add(signal);
        all.add(store);
        all.addAll(closeAfter);
        CloseAll.close("the outbox", all);
    }

    /**
     * Wires an outbox.
     *
     * <pre>{@code
     * AppMessageOutbox outbox = AppMessageOutbox.builder(store)
     *         .signal(signal)                          // default: a LocalMessageSignal
     *         .jsonSerializer(json::write)             // enables send(userId, key, Object)
     *         .settings(settings)                      // the payload size limit (default: defaults())
     *         .closeAfter(redisEndpoint)               // closed after the store and the signal
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final OutboxStore store;
        private MessageSignal signal;
        private Function<Object, String> jsonSerializer;
        private OutboxSettings settings = OutboxSettings.defaults();
        private final List<AutoCloseable> closeAfter = new ArrayList<>();

        private Builder(OutboxStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        public Builder signal(MessageSignal value) {
            this.signal = Objects.requireNonNull(value, "signal");
            return this;
        }

        /** Turns data into one JSON value for {@link AppMessageOutbox#send(String, String, Object)}. */
        public Builder jsonSerializer(Function<Object, String> value) {
            this.jsonSerializer = Objects.requireNonNull(value, "jsonSerializer");
            return this;
        }

        public Builder settings(OutboxSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        public Builder closeAfter(AutoCloseable resource) {
            closeAfter.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        public AppMessageOutbox build() {
            return new AppMessageOutbox(this);
        }
    }
}

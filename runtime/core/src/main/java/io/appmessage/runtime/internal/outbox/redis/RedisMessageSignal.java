package io.appmessage.runtime.internal.outbox.redis;

import io.appmessage.runtime.spi.Epochs;
import io.appmessage.runtime.internal.outbox.signal.LocalMessageSignal;
import io.appmessage.runtime.spi.MessageSignal;
import io.appmessage.runtime.spi.WakeListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wake-up signal across nodes ("a message sent on node 1 wakes a poll held on node 2"):
 * listeners on this node are told at once, and the signal is published on a Redis pub/sub channel that every
 * node subscribes to.
 *
 * <pre>{@code
 * MessageSignal signal = new RedisMessageSignal(redis);   // the same RedisEndpoint as the store
 * signal.subscribe(heldPolls);
 * signal.notifyUser("alice");                             // wakes alice's polls on every node
 * }</pre>
 *
 * <p>Pub/sub is fire-and-forget: while Redis is down, other nodes miss signals (their held polls answer at the
 * end of their wait and the messages are read then); this node's listeners are still told, because they are
 * told directly. Lettuce re-subscribes after a reconnect. Each node tags what it publishes, so it does not
 * wake its own listeners twice.
 */
public final class RedisMessageSignal implements MessageSignal {
    private static final Logger LOG = LoggerFactory.getLogger(RedisMessageSignal.class);
    private static final String ALL = "*";
    private static final String USER = "u";
    private static final String TOPIC = "t";

    private final RedisEndpoint endpoint;
    private final String channel;
    private final String nodeId = Epochs.next().substring(0, 12);
    private final LocalMessageSignal local = new LocalMessageSignal();
    private final StatefulRedisPubSubConnection<String, String> subscription;

    public RedisMessageSignal(RedisEndpoint endpoint) {
        this(endpoint, RedisOutboxStore.DEFAULT_PREFIX);
    }

    /** Nodes that share a key prefix share signals. */
    public RedisMessageSignal(RedisEndpoint endpoint, String keyPrefix) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.channel = new RedisKeys(Objects.requireNonNull(keyPrefix, "keyPrefix"), endpoint.cluster()).signalChannel();
        this.subscription = endpoint.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (channel.equals(from)) {
                    deliverRemote(message);
                }
            }
        });
        try {
            subscription.sync().subscribe(channel);
        } catch (io.lettuce.core.RedisException e) {
            subscription.close();
            throw endpoint.unavailable("subscribe to wake-up signals", e, "");
        }
    }

    @Override
    public Subscription subscribe(WakeListener listener) {
        return local.subscribe(listener);
    }

    @Override
    public void notifyUser(String userId) {
        Objects.requireNonNull(userId, "userId");
        local.notifyUser(userId);
        publish(nodeId + " " + USER + " " + userId);
    }

    @Override
    public void notifyTopic(String topic) {
        Objects.requireNonNull(topic, "topic");
        local.notifyTopic(topic);
        publish(nodeId + " " + TOPIC + " " + topic);
    }

    @Override
    public void notifyAllUsers() {
        local.notifyAllUsers();
        publish(nodeId + " " + ALL);
    }

    @Override
    public void close() {
        local.close();
        subscription.close();
    }

    /**
     * Wire form: {@code <nodeId> u <userId>}, {@code <nodeId> t <topic>} or {@code <nodeId> *}; the name goes
     * last, a user id may hold spaces.
     */
    private void deliverRemote(String message) {
        String[] parts = message.split(" ", 3);
        if (parts.length < 2 || parts[0].equals(nodeId)) {
            return; // our own, already delivered locally
        }
        if (parts[1].equals(ALL)) {
            local.notifyAllUsers();
        } else if (parts[1].equals(USER) && parts.length == 3) {
            local.notifyUser(parts[2]);
        } else if (parts[1].equals(TOPIC) && parts.length == 3) {
            local.notifyTopic(parts[2]);
        }
    }

    private void publish(String message) {
        try {
            endpoint.async().publish(channel, message).whenComplete((receivers, failure) -> {
                if (failure != null) {
                    LOG.warn("wake-up signal not published to other nodes (Redis at {}: {}); their polls pick the"
                            + " change up at the end of their wait", endpoint.where(), failure.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("wake-up signal not published to other nodes (Redis at {}: {})", endpoint.where(), e.toString());
        }
    }
}

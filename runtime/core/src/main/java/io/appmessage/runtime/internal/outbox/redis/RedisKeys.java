package io.appmessage.runtime.internal.outbox.redis;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The Redis keys of one outbox: {@code <prefix>epoch} (on a cluster, per user {@code <prefix>e:{<user>}}), and per user {@code <prefix>n:{<user>}} (the id
 * counter), {@code <prefix>s:{<user>}} (the stream) and {@code <prefix>i:{<user>}:<idempotency key>}. A
 * prefix lets several apps share one Redis. Topics have keys of their own ({@link #topicStream}).
 *
 * <p>The braces are a Redis Cluster hash tag: all of one user's keys hash to one slot, so one script can
 * touch them together. The tag is the user id itself, or, when it holds a brace or starts with {@code ~},
 * {@code ~} and its UTF-8 bytes in hex (so two user ids never share a tag, and a brace never ends one early).
 */
record RedisKeys(String prefix, boolean cluster) {
    RedisKeys {
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("the Redis key prefix must not contain '{' or '}' (they mark"
                    + " the cluster hash tag of each user's keys), got " + prefix);
        }
    }

    /** The store-wide epoch key: one server's, or on a cluster the fallback {@link RedisOutboxStore#epoch()} answers. */
    String epoch() {
        return prefix + "epoch";
    }

    /**
     * The epoch key a user's ids belong to. One server loses its data as a whole, so one epoch serves all
     * users. A cluster loses data per slot (a primary failed over to a replica that lagged), so each user's
     * epoch lives in the user's slot, next to the counter it vouches for: when a slot loses the counter, it
     * loses the epoch with it, and that user's clients see a new epoch and {@code recovered=false}.
     */
    String epoch(String userId) {
        return cluster ? prefix + "e:" + tag(userId) : epoch();
    }

    String counter(String userId) {
        return prefix + "n:" + tag(userId);
    }

    String stream(String userId) {
        return prefix + "s:" + tag(userId);
    }

    String idempotency(String userId, String idempotencyKey) {
        return prefix + "i:" + tag(userId) + ":" + idempotencyKey;
    }

    /**
     * The keys of one topic's stream, in the order the scripts take them (epoch, counter, stream): hash tag
     * {@code {t:<topic>}}, so a topic's keys share one slot, and {@code t…} kinds, so a topic never shares a key
     * with a user of the same name. Topic names carry no braces.
     */
    String[] topicStream(String topic) {
        String tag = "{t:" + topic + "}";
        return new String[] {cluster ? prefix + "te:" + tag : epoch(), prefix + "tn:" + tag, prefix + "ts:" + tag};
    }

    String topicIdempotency(String topic, String idempotencyKey) {
        return prefix + "ti:{t:" + topic + "}:" + idempotencyKey;
    }

    String signalChannel() {
        return prefix + "signal";
    }

    /** {@code {<user>}}: a hash tag that is one-to-one with user ids. */
    static String tag(String userId) {
        boolean plain = userId.indexOf('{') < 0 && userId.indexOf('}') < 0 && !userId.startsWith("~");
        String inside = plain ? userId : "~" + HexFormat.of().formatHex(userId.getBytes(StandardCharsets.UTF_8));
        return "{" + inside + "}";
    }
}

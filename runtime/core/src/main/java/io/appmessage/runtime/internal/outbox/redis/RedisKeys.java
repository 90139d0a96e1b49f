package io.appmessage.runtime.internal.outbox.redis;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The Redis keys of one outbox: {@code <prefix>epoch}, and per user {@code <prefix>n:{<user>}} (the id
 * counter), {@code <prefix>s:{<user>}} (the stream) and {@code <prefix>i:{<user>}:<idempotency key>}. A
 * prefix lets several apps share one Redis.
 *
 * <p>The braces are a Redis Cluster hash tag: all of one user's keys hash to one slot, so one script can
 * touch them together. The tag is the user id itself, or, when it holds a brace or starts with {@code ~},
 * {@code ~} and its UTF-8 bytes in hex (so two user ids never share a tag, and a brace never ends one early).
 */
record RedisKeys(String prefix) {
    RedisKeys {
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("the Redis key prefix must not contain '{' or '}' (they mark"
                    + " the cluster hash tag of each user's keys), got " + prefix);
        }
    }

    String epoch() {
        return prefix + "epoch";
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

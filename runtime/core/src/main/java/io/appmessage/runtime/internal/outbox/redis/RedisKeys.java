package io.appmessage.runtime.internal.outbox.redis;

/**
 * The Redis keys of one outbox: {@code <prefix>epoch}, and per user {@code <prefix>n:<userId>} (the id
 * counter) and {@code <prefix>s:<userId>} (the stream). A prefix lets several apps share one Redis.
 */
record RedisKeys(String prefix) {
    String epoch() {
        return prefix + "epoch";
    }

    String counter(String userId) {
        return prefix + "n:" + userId;
    }

    String stream(String userId) {
        return prefix + "s:" + userId;
    }

    String signalChannel() {
        return prefix + "signal";
    }
}

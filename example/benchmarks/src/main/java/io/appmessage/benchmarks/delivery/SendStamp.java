package io.appmessage.benchmarks.delivery;

import io.appmessage.benchmarks.load.Clock;

/**
 * The send time a benchmark message carries in its data, {@code {"t":<epoch microseconds>}}, so a client in
 * another JVM on the same machine can tell how old a message is when it arrives (delivery latency,
 * long-poll freshness). Wall-clock microseconds rather than {@code nanoTime}: both processes read the same
 * system clock, and {@code Instant.now()} has microsecond resolution on Linux.
 *
 * <pre>{@code
 * outbox.sendJson(user, "bench", SendStamp.json(SendStamp.nowMicros()));
 * ... long ageMicros = receivedMicros - SendStamp.parse(dataJson);
 * }</pre>
 */
public final class SendStamp {

    private SendStamp() {
    }

    /** Now, in microseconds since the epoch. */
    public static long nowMicros() {
        return Clock.nowMicros();
    }

    /** The message data carrying {@code micros}. */
    public static String json(long micros) {
        return "{\"t\":" + micros + "}";
    }
}

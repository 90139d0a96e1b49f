package io.appmessage.benchmarks.load;

import java.time.Instant;

/**
 * Wall-clock microseconds, the one clock two JVMs on this machine share (both read the same system clock;
 * {@code Instant.now()} has microsecond resolution on Linux), so a client JVM can time what a server JVM
 * stamped.
 */
public final class Clock {

    private Clock() {
    }

    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}

package io.appmessage.spring.test;

import io.appmessage.runtime.spi.PollObserver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An observer bean of the test app: counts how held polls ended, so tests see a client that went away. */
public class HoldEnds implements PollObserver {

    private final Map<HoldEnd, AtomicInteger> ends = new ConcurrentHashMap<>();

    @Override
    public void holdEnded(HoldEnd end, long heldNanos) {
        ends.computeIfAbsent(end, e -> new AtomicInteger()).incrementAndGet();
    }

    public int count(HoldEnd end) {
        AtomicInteger n = ends.get(end);
        return n == null ? 0 : n.get();
    }
}

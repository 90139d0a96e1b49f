package io.appmessage.metrics.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What the gauges read: levels of this node, kept once however many registries show them. */
final class NodeLevels {
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong held = new AtomicLong();
    final AtomicLong storeUp = new AtomicLong(1);
}

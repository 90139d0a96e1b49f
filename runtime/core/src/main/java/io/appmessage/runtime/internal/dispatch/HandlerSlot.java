package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.internal.shared.RateLimitedLog;

import io.appmessage.spi.HandlerCall;
import io.appmessage.spi.HandlerDescriptor;

/**
 * One handler in the table built at start: its descriptor's parts unpacked into fields the poll
 * loop reads directly, and the limiter that keeps its fault log lines rare.
 */
public final class HandlerSlot {

    final String id;
    final String plugin;
    final HandlerDescriptor.Kind kind;
    final String key;
    /** False when the handler is declared {@code @NonBlocking}: it may run on the thread the poll arrived on. */
    final boolean blocking;
    final HandlerCall call;
    final RateLimitedLog faultLog;

    HandlerSlot(HandlerDescriptor descriptor, long faultLogIntervalNanos) {
        this.id = descriptor.id();
        this.plugin = descriptor.plugin();
        this.kind = descriptor.kind();
        this.key = descriptor.key();
        this.blocking = descriptor.blocking();
        this.call = descriptor.call();
        this.faultLog = new RateLimitedLog(faultLogIntervalNanos);
    }

    public String id() {
        return id;
    }

    public String plugin() {
        return plugin;
    }

    /** False when the handler is declared {@code @NonBlocking}. */
    public boolean blocking() {
        return blocking;
    }
}

package io.appmessage.metrics;

import io.appmessage.metrics.internal.HandlerErrors;
import io.appmessage.metrics.internal.MeteringObserver;
import io.appmessage.runtime.presence.Presence;
import io.appmessage.runtime.spi.PollObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * AppMessage's Micrometer meters: an observer that moves them, bound to any number of registries.
 *
 * <pre>{@code
 * AppMessageMetrics metrics = AppMessageMetrics.create(presence);
 * metrics.bindTo(prometheusRegistry);            // or Spring Boot binds it: it is a MeterBinder
 * AppMessageServer server = AppMessageServer.builder()
 *         .observer(metrics.observer())
 *         .build();
 * }</pre>
 *
 * <p>Events before the first {@link #bindTo} cost next to nothing and are not kept; each registry bound
 * gets every meter and counts from then on (gauges such as held polls read the node's levels, so they are
 * right at once). An app that never creates this class loads
 * no Micrometer class and runs no metrics code per poll. The meters and their Prometheus names are listed in
 * this module's README.
 */
public final class AppMessageMetrics implements MeterBinder {

    private final MeteringObserver observer;
    private final Set<MeterRegistry> bound = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Presence presence;

    private AppMessageMetrics(Presence presence) {
        this.presence = presence;
        this.observer = new MeteringObserver(presence == null ? () -> 0L : presence::onlineCount);
    }

    /** Meters without presence: {@code appmessage_online_users} stays 0. */
    public static AppMessageMetrics create() {
        return new AppMessageMetrics(null);
    }

    /** Meters whose {@code appmessage_online_users} reads {@code presence}. */
    public static AppMessageMetrics create(Presence presence) {
        return new AppMessageMetrics(Objects.requireNonNull(presence, "presence"));
    }

    /** The observer to give the server; it moves every meter. */
    public PollObserver observer() {
        return observer;
    }

    /** The presence the online-users gauge reads, or {@code null}. */
    public Presence presence() {
        return presence;
    }

    /** Each handler's last failure, for the console. */
    HandlerErrors handlerErrors() {
        return observer.errors();
    }

    /** Publishes every meter into {@code registry} too (idempotent per registry). */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (bound.add(registry)) {
            observer.bindTo(registry);
        }
    }
}

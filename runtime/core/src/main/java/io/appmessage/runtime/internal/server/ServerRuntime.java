package io.appmessage.runtime.internal.server;

import io.appmessage.runtime.CorsSettings;
import io.appmessage.runtime.internal.config.ServerSettings;
import io.appmessage.runtime.internal.config.Settings;
import io.appmessage.runtime.internal.delivery.DeliveryExtension;
import io.appmessage.runtime.internal.dispatch.Answers;
import io.appmessage.runtime.internal.dispatch.HandlerTable;
import io.appmessage.runtime.internal.dispatch.PluginSwitch;
import io.appmessage.runtime.internal.dispatch.PollEngine;
import io.appmessage.runtime.internal.dispatch.PollExtension;
import io.appmessage.runtime.internal.dispatch.RegistryLoader;
import io.appmessage.runtime.internal.http.PollHttpHandler;
import io.appmessage.runtime.internal.http.UndertowServer;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import io.appmessage.runtime.internal.json.WriterTable;
import io.appmessage.runtime.internal.outbox.signal.LocalMessageSignal;
import io.appmessage.runtime.internal.shared.ObserverChain;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.spi.MessageSignal;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.spi.HandlerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * One server's running parts, wired from its settings and {@link ServerWiring}: the handler table,
 * the poll engine with delivery first among its extensions, the deadline timer, the Undertow
 * handler and (once started) server, the dispatcher's executor. Start and close live here; the
 * public {@code AppMessageServer} only delegates.
 */
public final class ServerRuntime {

    private static final Logger LOG = LoggerFactory.getLogger("io.appmessage.runtime.AppMessageServer");

    final ServerSettings settings;
    final HandlerTable table;
    final PollEngine engine;
    final ScheduledThreadPoolExecutor timer;
    final DeliveryExtension delivery;
    final MessageSignal signal;
    final boolean ownSignal;
    final PollHttpHandler httpHandler;
    final Executor dispatcherExecutor;
    /** The dispatcher's pool when the server made it (shut down on close), else null. */
    final ExecutorService ownDispatcherPool;
    private final io.undertow.server.HttpHandler otherRoutes;
    private final CorsSettings cors;
    UndertowServer undertow;
    private boolean closed;

    /** Loads the registries (failing with the likely causes when there is none) and wires the parts. Does not listen. */
    /** The handlers this server runs, for start-up checks. */
    public HandlerTable table() {
        return table;
    }

    public ServerRuntime(ServerSettings settings, ServerWiring wiring) {
        this.settings = settings;
        this.otherRoutes = wiring.otherRoutes();
        this.cors = wiring.cors();
        List<HandlerRegistry> found = wiring.registries() != null ? RegistryLoader.requireCompatible(wiring.registries())
                : RegistryLoader.load(wiring.classLoader() != null ? wiring.classLoader()
                        : Thread.currentThread().getContextClassLoader());
        WriterTable writers = new WriterTable();
        this.table = HandlerTable.build(found, wiring.instanceProvider(), writers, settings.faultLogInterval().toNanos());
        EnvelopeWriter envelopes = new EnvelopeWriter(writers);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "appmessage-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true); // held polls that end early must not leave their timers queued
        AppMessageOutbox outbox = wiring.outbox();
        // wake-ups go through the outbox's signal when there is one (with Redis: to every node)
        this.signal = outbox != null ? outbox.signal() : new LocalMessageSignal();
        this.ownSignal = outbox == null;
        PollObserver observer = ObserverChain.of(wiring.observers());
        if (outbox != null) {
            outbox.useJsonSerializerIfNone(value -> OutboxSerializer.serialize(envelopes, value));
            if (observer != null) {
                outbox.observeWith(observer);
            }
        }
        this.delivery = DeliveryExtension.create(outbox, signal, settings.outboxBatchSize(), settings.longPoll(),
                settings.longPollCap(), settings.maxHeldPolls(), timer, observer);
        List<PollExtension> stages = new ArrayList<>();
        stages.add(delivery); // first: a held poll runs the other stages and the handlers at answer time
        stages.addAll(wiring.extensions());
        this.engine = new PollEngine(new PluginSwitch(table, settings.disabledPlugins()), wiring.authenticator(),
                envelopes, new Answers(envelopes, settings.retryAfterSeconds()), timer,
                settings.pollDeadline().toMillis(), settings.maxInFlight(), settings.maxParameters(), stages, observer,
                settings.get(Settings.NON_BLOCKING_WATCHDOG).toNanos(), settings.faultLogInterval().toNanos());
        delivery.closingWhen(engine::closing);
        this.httpHandler = new PollHttpHandler(engine, settings.maxBodyBytes(), settings.requestParseTimeout().toMillis());
        this.ownDispatcherPool = wiring.dispatcherExecutor() == null ? DispatcherPool.create(settings) : null;
        this.dispatcherExecutor = wiring.dispatcherExecutor() != null ? wiring.dispatcherExecutor() : ownDispatcherPool;
    }

    /** Starts listening (once); false when this server was closed. */
    public synchronized boolean start() {
        if (closed) {
            return false;
        }
        if (undertow != null) {
            return true;
        }
        undertow = UndertowServer.start(settings, httpHandler, engine, otherRoutes, cors);
        LOG.info("AppMessage listening on http://{}:{}{}: {} handlers from {} registries {}; plugins switched off: {}",
                settings.host(), undertow.port(), settings.path(), table.size(), table.registrySummaries().size(),
                table.registrySummaries(), engine.plugins().disabled());
        return true;
    }

    public synchronized int port() {
        return undertow == null ? -1 : undertow.port();
    }

    public PollEngine engine() {
        return engine;
    }

    public Executor dispatcherExecutor() {
        return dispatcherExecutor;
    }

    public PollHttpHandler httpHandler() {
        return httpHandler;
    }

    public ServerSettings settings() {
        return settings;
    }

    public int handlerCount() {
        return table.size();
    }

    public MessageSignal signal() {
        return signal;
    }

    public int heldPolls() {
        return delivery.heldPolls();
    }

    /** The graceful close, once; see {@link GracefulClose}. */
    public void close() {
        UndertowServer running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = undertow;
        }
        GracefulClose.run(this, running);
    }
}

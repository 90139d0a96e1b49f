package io.appmessage.runtime;

import io.appmessage.spi.HandlerRegistry;
import io.appmessage.InstanceProvider;
import io.appmessage.runtime.internal.config.CorsEnvironment;
import io.appmessage.runtime.internal.config.EnvironmentVariable;
import io.appmessage.runtime.internal.config.LogBindingCheck;
import io.appmessage.runtime.internal.config.ServerSettings;
import io.appmessage.runtime.internal.delivery.DeliveryExtension;
import io.appmessage.runtime.internal.dispatch.Answers;
import io.appmessage.runtime.internal.dispatch.ExpectedPlugins;
import io.appmessage.runtime.internal.dispatch.HandlerTable;
import io.appmessage.runtime.internal.dispatch.PluginSwitch;
import io.appmessage.runtime.internal.dispatch.PollExtension;
import io.appmessage.runtime.internal.dispatch.PollEngine;
import io.appmessage.runtime.internal.shared.ObserverChain;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.runtime.internal.dispatch.RegistryLoader;
import io.appmessage.runtime.internal.http.PollHttpHandler;
import io.appmessage.runtime.internal.http.UndertowServer;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import io.appmessage.runtime.internal.json.WriterTable;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.presence.Presence;
import io.appmessage.runtime.internal.outbox.signal.LocalMessageSignal;
import io.appmessage.runtime.spi.MessageSignal;
import io.undertow.server.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;

/**
 * The AppMessage poll server: answers {@code GET/POST /api/message/index} with the envelope
 * {@code {"code":0,"msg":"","data":{…}}} built by every generated handler registry on the class path.
 *
 * <pre>{@code
 * try (AppMessageServer server = AppMessageServer.builder()
 *         .port(8080)                                   // PORT in the environment wins
 *         .authenticator(token -> sessions.find(token).map(s -> Identity.of(s.userId())))
 *         .build()
 *         .start()) {
 *     server.plugins().disable("wxapp");
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #build() Building} loads the registries and prepares everything (a missing registry
 * fails here, with the likely causes); {@link #start()} listens. Inside an existing app, skip
 * {@code start()} and mount {@link #httpHandler()} in your Undertow, or call {@link #dispatcher()}
 * from a Servlet or Spring controller. {@link #close()} is graceful: it stops accepting, lets the
 * polls in flight finish within the shutdown grace, then stops.
 */
public final class AppMessageServer implements AutoCloseable {

    static {
        // Undertow and XNIO log through JBoss Logging; send it to SLF4J like everything else
        // (issue 3, item 6). Must be set before JBoss Logging picks a provider; an explicit setting wins.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AppMessageServer.class);

    private final ServerSettings settings;
    private Presence presence; // set once by the builder, before start
    private final HandlerTable table;
    private final PollEngine engine;
    private final ScheduledThreadPoolExecutor timer;
    private final PollHttpHandler httpHandler;
    private final AppMessageDispatcher dispatcher;
    private final DeliveryExtension delivery;
    /** The dispatcher's pool when the server made it (shut down on close), else null. */
    private final ExecutorService ownDispatcherPool;
    private final MessageSignal signal;
    private final boolean ownSignal;
    private final HttpHandler otherRoutes;
    private final CorsSettings cors;
    private UndertowServer undertow;
    private boolean closed;
    /** Counted down when the JVM is asked to stop or {@link #close()} begins: releases {@link #awaitShutdown()}. */
    private final CountDownLatch stopAsked = new CountDownLatch(1);
    /** Counted down when {@link #close()} has finished: the shutdown hook of {@link #awaitShutdown()} waits for it. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    private AppMessageServer(ServerSettings settings, HandlerTable table, PollEngine engine,
                             ScheduledThreadPoolExecutor timer, DeliveryExtension delivery, MessageSignal signal,
                             boolean ownSignal, Executor dispatcherExecutor, HttpHandler otherRoutes,
                             CorsSettings cors) {
        this.settings = settings;
        this.cors = cors;
        this.otherRoutes = otherRoutes;
        this.table = table;
        this.engine = engine;
        this.timer = timer;
        this.delivery = delivery;
        this.signal = signal;
        this.ownSignal = ownSignal;
        this.httpHandler = new PollHttpHandler(engine, settings.maxBodyBytes(), settings.requestParseTimeout().toMillis());
        this.ownDispatcherPool = dispatcherExecutor == null ? dispatcherPool(settings) : null;
        this.dispatcher = new AppMessageDispatcher(engine,
                dispatcherExecutor != null ? dispatcherExecutor : ownDispatcherPool);
    }

    /**
     * The default executor of {@link AppMessageDispatcher}: as many threads as Undertow's worker pool
     * would have ({@code workerThreads}, else eight per IO thread), started on first use and retired
     * when idle, so a server used only through Undertow pays nothing for it. The queue needs no bound
     * of its own: admission ({@code maxInFlight}) bounds the polls that reach it.
     */
    private static ExecutorService dispatcherPool(ServerSettings settings) {
        int io = settings.ioThreads() > 0 ? settings.ioThreads() : Math.max(2, Runtime.getRuntime().availableProcessors());
        int threads = settings.workerThreads() > 0 ? settings.workerThreads() : io * 8;
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "appmessage-dispatch-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** A builder with the defaults of the configuration table; environment variables apply at {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; returns this. */
    public synchronized AppMessageServer start() {
        if (closed) {
            throw new IllegalStateException("this server was closed; build a new one");
        }
        if (undertow != null) {
            return this;
        }
        LogBindingCheck.warnIfNone();
        undertow = UndertowServer.start(settings, httpHandler, engine, otherRoutes, cors);
        LOG.info("AppMessage listening on http://{}:{}{}: {} handlers from {} registries {}; plugins switched off: {}",
                settings.host(), undertow.port(), settings.path(), table.size(), table.registrySummaries().size(),
                table.registrySummaries(), engine.plugins().disabled());
        return this;
    }

    /**
     * Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C) or {@link #close()} is called, for a
     * {@code main} that only serves. The JVM's stop then waits for {@code close()} (up to the shutdown
     * grace and ten seconds more), so polls in flight are answered before it exits:
     *
     * <pre>{@code
     * try (AppMessageServer server = AppMessageServer.builder().build().start()) {
     *     server.awaitShutdown();
     * }
     * }</pre>
     */
    public void awaitShutdown() throws InterruptedException {
        long patienceMillis = settings.shutdownGrace().toMillis() + 10_000;
        Thread hook = new Thread(() -> {
            stopAsked.countDown();
            try {
                stopped.await(patienceMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "appmessage-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopAsked.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException stopping) {
                // the JVM is stopping: the hook stays and waits for close()
            }
        }
    }

    /** The bound port (the real one when configured as 0); -1 before {@link #start()}. */
    public synchronized int port() {
        return undertow == null ? -1 : undertow.port();
    }

    /** The poll endpoint as an Undertow handler, to mount in an app's own Undertow at any path. */
    public HttpHandler httpHandler() {
        return httpHandler;
    }

    /** The poll endpoint without HTTP, for Servlet and Spring apps. */
    public AppMessageDispatcher dispatcher() {
        return dispatcher;
    }

    /** Switches plugins off and on at run time. */
    public Plugins plugins() {
        return engine.plugins();
    }

    /** The settings in effect (builder values with environment overrides applied). */
    public ServerSettings settings() {
        return settings;
    }

    /** How many handlers the registries contributed (all of them, switched-off plugins included). */
    public int handlerCount() {
        return table.size();
    }

    /**
     * Wakes the polls held for {@code userId} (long-poll, issue 7): call it when handler data of that
     * user changed (an order's status, say), so a waiting client gets it now instead of at the end of
     * its wait. With a Redis outbox the wake-up reaches every node; sending a targeted message wakes
     * its user by itself. Cheap when nobody waits; never throws for a transport failure.
     *
     * <pre>{@code
     * orders.markShipped(orderId);
     * server.notifyUser(order.userId());   // that user's held poll answers now, handlers run then
     * }</pre>
     */
    public void notifyUser(String userId) {
        signal.notifyUser(Objects.requireNonNull(userId, "userId"));
    }

    /** Wakes every held poll, anonymous ones included (handler data changed for everyone), on every node. */
    public void notifyAllUsers() {
        signal.notifyAllUsers();
    }

    /**
     * Who is online: the presence given to {@link Builder#presence}, fed by this server's polls.
     *
     * @throws IllegalStateException when the builder was given no presence (it is off by default, so a
     *         server without it runs nothing extra per poll)
     */
    public Presence presence() {
        if (presence == null) {
            throw new IllegalStateException("presence is off: build the server with"
                    + " .presence(Presence.local(Presence.DEFAULT_WINDOW)) (or Presence.redis(uri, window) for every node)");
        }
        return presence;
    }

    /** How many polls long-poll holds on this node right now (a gauge for monitoring). */
    public int heldPolls() {
        return delivery.heldPolls();
    }

    /**
     * Graceful stop: refuses new polls (503 with Connection: close, health 503), answers every held
     * long-poll at once, waits up to the shutdown grace for polls in flight to be answered, then stops
     * Undertow and the deadline timer. A given outbox is not closed: close it after the server.
     */
    @Override
    public void close() {
        UndertowServer running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = undertow;
        }
        stopAsked.countDown();
        // Undertow cannot stop accepting without closing open connections (ListenerInfo.suspend
        // closes them, in-flight polls included), so during the grace new polls are answered 503
        // with Connection: close and health answers 503; the listener closes after the drain.
        engine.beginClose();
        delivery.releaseAll(); // held polls are answered now (with Connection: close), not cut when Undertow stops
        try {
            long graceEnd = System.nanoTime() + settings.shutdownGrace().toNanos();
            if (!engine.awaitIdle(settings.shutdownGrace().toMillis())) {
                LOG.warn("shutdown grace of {} ms passed with {} polls still in flight; stopping anyway",
                        settings.shutdownGrace().toMillis(), engine.inFlight());
            }
            // answers are written asynchronously after a poll leaves the in-flight count: let the
            // last ones reach their sockets before stopping Undertow closes the connections
            httpHandler.awaitAnswersWritten(Math.max(0, (graceEnd - System.nanoTime()) / 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running != null) {
            running.stop();
        }
        timer.shutdownNow();
        if (ownDispatcherPool != null) {
            ownDispatcherPool.shutdown(); // polls in flight were drained above; an idle pool has no threads
        }
        delivery.close();
        if (ownSignal) {
            signal.close();
        }
        LOG.info("AppMessage stopped");
        stopped.countDown();
    }

    /**
     * Settings for an {@link AppMessageServer}. Every value has a default (see the README's
     * configuration table); environment variables ({@code PORT}, {@code APPMESSAGE_*}) override
     * builder values when {@link #build()} runs, so operators can change a deployed server.
     */
    public static final class Builder {

        private String host = ServerSettings.DEFAULT_HOST;
        private int port = ServerSettings.DEFAULT_PORT;
        private String path = ServerSettings.DEFAULT_PATH;
        private String healthPath = ServerSettings.DEFAULT_HEALTH_PATH;
        private Duration pollDeadline = ServerSettings.DEFAULT_POLL_DEADLINE;
        private long maxBodyBytes = ServerSettings.DEFAULT_MAX_BODY_BYTES;
        private int maxInFlight = ServerSettings.DEFAULT_MAX_IN_FLIGHT;
        private int retryAfterSeconds = ServerSettings.DEFAULT_RETRY_AFTER_SECONDS;
        private Duration shutdownGrace = ServerSettings.DEFAULT_SHUTDOWN_GRACE;
        private int ioThreads;
        private int workerThreads;
        private Duration noRequestTimeout = ServerSettings.DEFAULT_NO_REQUEST_TIMEOUT;
        private Duration requestParseTimeout = ServerSettings.DEFAULT_REQUEST_PARSE_TIMEOUT;
        private Duration idleTimeout = ServerSettings.DEFAULT_IDLE_TIMEOUT;
        private int maxHeaderBytes = ServerSettings.DEFAULT_MAX_HEADER_BYTES;
        private int maxHeaders = ServerSettings.DEFAULT_MAX_HEADERS;
        private int maxParameters = ServerSettings.DEFAULT_MAX_PARAMETERS;
        private Set<String> disabledPlugins = new LinkedHashSet<>();
        private Set<String> expectedPlugins = new LinkedHashSet<>();
        private Duration faultLogInterval = ServerSettings.DEFAULT_FAULT_LOG_INTERVAL;
        private AppMessageOutbox outbox;
        private int outboxBatchSize = ServerSettings.DEFAULT_OUTBOX_BATCH_SIZE;
        private boolean longPoll = true;
        private Duration longPollCap = ServerSettings.DEFAULT_LONG_POLL_CAP;
        private int maxHeldPolls = ServerSettings.DEFAULT_MAX_HELD_POLLS;
        private List<HandlerRegistry> registries;
        private ClassLoader classLoader;
        private Authenticator authenticator = Authenticator.ANONYMOUS;
        private InstanceProvider instanceProvider = InstanceProvider.NONE;
        private final List<PollExtension> extensions = new ArrayList<>();
        private final List<PollObserver> observers = new ArrayList<>();
        private Presence presence;
        private Map<String, String> environment;
        private Executor dispatcherExecutor;
        private HttpHandler otherRoutes;
        private CorsSettings cors = CorsSettings.off();

        private Builder() {
        }

        /** Interface to listen on; default {@code 0.0.0.0}. Env: {@code APPMESSAGE_HOST}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Port; default 8080, 0 for any free port (see {@link AppMessageServer#port()}). Env: {@code PORT}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The poll path; default {@code /api/message/index}. Env: {@code APPMESSAGE_PATH}. */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path);
            return this;
        }

        /** The health path; default {@code /health}; null switches health off. Env: {@code APPMESSAGE_HEALTH_PATH}. */
        public Builder healthPath(String healthPath) {
            this.healthPath = healthPath;
            return this;
        }

        /** How long a poll waits for asynchronous handlers, counted from the start of its handlers; default 2 s. Env: {@code APPMESSAGE_POLL_DEADLINE_MS}. */
        public Builder pollDeadline(Duration pollDeadline) {
            this.pollDeadline = Objects.requireNonNull(pollDeadline);
            return this;
        }

        /** Largest request body; bigger is answered 413; default 64 KiB. */
        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Most polls admitted and not yet answered; beyond, 503 with Retry-After; default 10,000. */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        /** The Retry-After of 503 answers, in seconds; default 5 (one poll interval). */
        public Builder retryAfterSeconds(int retryAfterSeconds) {
            this.retryAfterSeconds = retryAfterSeconds;
            return this;
        }

        /** How long {@link AppMessageServer#close()} lets polls in flight finish; default 10 s. */
        public Builder shutdownGrace(Duration shutdownGrace) {
            this.shutdownGrace = Objects.requireNonNull(shutdownGrace);
            return this;
        }

        /** Undertow IO threads; 0 (default) for one per core, at least two. */
        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        /** Undertow worker threads, where handlers run; 0 (default) for eight per IO thread. */
        public Builder workerThreads(int workerThreads) {
            this.workerThreads = workerThreads;
            return this;
        }

        /** Closes keep-alive connections idle this long between requests; default 60 s. */
        public Builder noRequestTimeout(Duration timeout) {
            this.noRequestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Drops a request whose line and headers do not arrive within this time; default 10 s. */
        public Builder requestParseTimeout(Duration timeout) {
            this.requestParseTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Closes a connection with no traffic for this long; default 90 s. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Largest request line plus headers; default 16 KiB. */
        public Builder maxHeaderBytes(int maxHeaderBytes) {
            this.maxHeaderBytes = maxHeaderBytes;
            return this;
        }

        /** Most request headers; default 100. */
        public Builder maxHeaders(int maxHeaders) {
            this.maxHeaders = maxHeaders;
            return this;
        }

        /** Most query parameters; beyond, 400; default 100. */
        public Builder maxParameters(int maxParameters) {
            this.maxParameters = maxParameters;
            return this;
        }

        /** Plugins switched off from the start (switch at run time with {@link AppMessageServer#plugins()}). */
        public Builder disabledPlugins(String... plugins) {
            this.disabledPlugins = new LinkedHashSet<>(Arrays.asList(plugins));
            return this;
        }

        /**
         * Plugins the app needs: {@link #build()} fails naming each one whose handlers no registry on
         * the class path brought (a missing jar, or a fat jar that lost its services file).
         */
        public Builder expectPlugins(String... plugins) {
            this.expectedPlugins = new LinkedHashSet<>(Arrays.asList(plugins));
            return this;
        }

        /** At most one log line per handler per interval about its faults; default 10 s. */
        public Builder faultLogInterval(Duration interval) {
            this.faultLogInterval = Objects.requireNonNull(interval);
            return this;
        }

        /**
         * Delivers this outbox's targeted messages on the poll path (issue 6): authenticated polls get
         * {@code messages} after their {@code cursor}, at most {@link #outboxBatchSize} per answer; sends
         * wake that user's held long-polls. The server also gives the outbox its JSON writers for
         * {@code outbox.send(userId, key, object)} unless the outbox has a serializer. The server does
         * not close the outbox: close it after the server.
         */
        public Builder outbox(AppMessageOutbox outbox) {
            this.outbox = Objects.requireNonNull(outbox);
            return this;
        }

        /** Most targeted messages per answer, the rest on the next poll; default 100. Env: {@code APPMESSAGE_OUTBOX_BATCH_SIZE}. */
        public Builder outboxBatchSize(int outboxBatchSize) {
            this.outboxBatchSize = outboxBatchSize;
            return this;
        }

        /**
         * Whether a poll with {@code wait=<seconds>} is held until something is there for its user
         * (issue 7); default on. Off: every poll answers at once, without a {@code wait} field, and
         * clients fall back to their interval. Env: {@code APPMESSAGE_LONG_POLL} ({@code true}/{@code false}).
         */
        public Builder longPoll(boolean longPoll) {
            this.longPoll = longPoll;
            return this;
        }

        /**
         * The longest wait granted (whole seconds), whatever the client asks; default 25 s, under
         * proxies' and WeChat's 60 s limits. The idle timeout must exceed it by 5 s.
         * Env: {@code APPMESSAGE_LONG_POLL_CAP_SECONDS}.
         */
        public Builder longPollCap(Duration longPollCap) {
            this.longPollCap = Objects.requireNonNull(longPollCap);
            return this;
        }

        /**
         * Most polls held at once on this node; beyond, a poll answers at once without {@code wait} (not
         * 503), so its client polls on its interval. Held polls do not count toward {@link #maxInFlight}.
         * Default 20,000. Env: {@code APPMESSAGE_MAX_HELD_POLLS}.
         */
        public Builder maxHeldPolls(int maxHeldPolls) {
            this.maxHeldPolls = maxHeldPolls;
            return this;
        }

        /** Uses these registries instead of looking them up with {@code ServiceLoader}. */
        public Builder registries(HandlerRegistry... registries) {
            this.registries = List.of(registries);
            return this;
        }

        /** Uses these registries instead of looking them up with {@code ServiceLoader}. */
        public Builder registries(List<? extends HandlerRegistry> registries) {
            this.registries = List.copyOf(registries);
            return this;
        }

        /** The class loader {@code ServiceLoader} searches; default the thread's context class loader. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Resolves access tokens; default: every poll anonymous. */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator);
            return this;
        }

        /** Supplies handler objects (a DI container); default: built with their no-arg constructors. */
        public Builder instanceProvider(InstanceProvider instanceProvider) {
            this.instanceProvider = Objects.requireNonNull(instanceProvider);
            return this;
        }

        /**
         * Adds a stage around the handlers (runtime features such as targeted messages and
         * long-poll plug in here; see {@link PollExtension}).
         */
        /**
         * Adds an observer of every poll, handler, hold and message (metrics, presence, a console).
         * Several may be added: they are called in the order added; one that throws is logged
         * (rate-limited) and ignored. With none, the poll path calls nothing and allocates nothing for them.
         */
        public Builder observer(PollObserver observer) {
            observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * Tracks who is online from this server's polls ({@link AppMessageServer#presence()}); added as an
         * observer. Off by default. The server does not close it: close it after the server.
         */
        public Builder presence(Presence presence) {
            if (this.presence != null) {
                throw new IllegalStateException("presence is already set; a server has one");
            }
            this.presence = Objects.requireNonNull(presence, "presence");
            return observer(presence);
        }

        public Builder extension(PollExtension extension) {
            this.extensions.add(Objects.requireNonNull(extension));
            return this;
        }

        /**
         * Where {@link AppMessageDispatcher} (Servlet, Spring) runs polls: the authenticator, the
         * handlers, resumed long-polls and deadline answers. Default: a server-owned pool sized like
         * Undertow's workers, shut down by {@link AppMessageServer#close()}; an executor given here
         * is the app's to shut down. Unused by the Undertow server and {@link AppMessageServer#httpHandler()}.
         */
        public Builder dispatcherExecutor(Executor executor) {
            this.dispatcherExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * What the standalone server answers on every path other than the poll and health paths (a
         * page, an app endpoint, a {@code PathHandler} of several); default: 404 with the envelope.
         * Lets a small app serve everything from one server, with the timeouts and limits above,
         * instead of building its own Undertow around {@link AppMessageServer#httpHandler()}.
         *
         * <pre>{@code
         * builder.otherRoutes(Handlers.path(pageHandler).addExactPath("/api/send", sendHandler))
         * }</pre>
         */
        public Builder otherRoutes(HttpHandler handler) {
            this.otherRoutes = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Which browser origins may poll from pages served elsewhere (uni-app or Taro H5 builds); default
         * {@link CorsSettings#off()}. Applies to the poll path, the health path and {@link #otherRoutes}.
         * Env: {@code APPMESSAGE_CORS_ALLOWED_ORIGINS} (comma-separated), {@code APPMESSAGE_CORS_ALLOWED_HEADERS},
         * {@code APPMESSAGE_CORS_EXPOSED_HEADERS}, {@code APPMESSAGE_CORS_MAX_AGE_SECONDS},
         * {@code APPMESSAGE_CORS_ALLOW_CREDENTIALS}.
         */
        public Builder cors(CorsSettings cors) {
            this.cors = Objects.requireNonNull(cors, "cors");
            return this;
        }

        /** The environment read for overrides; default {@link System#getenv()}. Pass {@code Map.of()} to ignore it. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Applies environment overrides, loads the registries (failing with the likely causes when
         * there is none), and prepares everything the poll path needs. Does not listen yet.
         */
        public AppMessageServer build() {
            applyEnvironment(environment == null ? System.getenv() : environment);
            ServerSettings settings = new ServerSettings(host, port, path, healthPath, pollDeadline, maxBodyBytes,
                    maxInFlight, retryAfterSeconds, shutdownGrace, ioThreads, workerThreads, noRequestTimeout,
                    requestParseTimeout, idleTimeout, maxHeaderBytes, maxHeaders, maxParameters, disabledPlugins,
                    faultLogInterval, outboxBatchSize, longPoll, longPollCap, maxHeldPolls);
            List<HandlerRegistry> found = registries != null ? registries
                    : RegistryLoader.load(classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader());
            WriterTable writers = new WriterTable();
            HandlerTable table = HandlerTable.build(found, instanceProvider, writers, faultLogInterval.toNanos());
            ExpectedPlugins.require(expectedPlugins, table);
            EnvelopeWriter envelopes = new EnvelopeWriter(writers);
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "appmessage-deadline");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true); // polls that finish early must not leave their timers queued
            // wake-ups go through the outbox's signal when there is one (with Redis: to every node)
            MessageSignal signal = outbox != null ? outbox.signal() : new LocalMessageSignal();
            if (outbox != null) {
                outbox.useJsonSerializerIfNone(value -> serialize(envelopes, value));
            }
            PollObserver observer = ObserverChain.of(observers);
            if (outbox != null && observer != null) {
                outbox.observeWith(observer);
            }
            DeliveryExtension delivery = DeliveryExtension.create(outbox, signal, settings.outboxBatchSize(),
                    settings.longPoll(), settings.longPollCap(), settings.maxHeldPolls(), timer, observer);
            List<PollExtension> stages = new ArrayList<>();
            stages.add(delivery); // first: a held poll runs the other stages and the handlers at answer time
            stages.addAll(extensions);
            PollEngine engine = new PollEngine(new PluginSwitch(table, settings.disabledPlugins()), authenticator,
                    envelopes, new Answers(envelopes, settings.retryAfterSeconds()), timer,
                    settings.pollDeadline().toMillis(), settings.maxInFlight(), settings.maxParameters(), stages, observer);
            delivery.closingWhen(engine::closing);
            AppMessageServer server = new AppMessageServer(settings, table, engine, timer, delivery, signal, outbox == null,
                    dispatcherExecutor, otherRoutes, cors);
            server.presence = presence;
            return server;
        }

        /** The outbox's serializer: the push writers, with a send-time error that names the type. */
        private static String serialize(EnvelopeWriter envelopes, Object value) {
            try {
                return envelopes.json(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("message data of type "
                        + (value == null ? "null" : value.getClass().getName()) + " cannot be written as JSON ("
                        + e.getMessage() + "): send Strings, numbers, booleans, Map<String,?>, Iterable, arrays,"
                        + " Optional, enums, or records compiled with the AppMessage processor; nothing was stored", e);
            }
        }

        private void applyEnvironment(Map<String, String> env) {
            EnvironmentVariable e = new EnvironmentVariable(env);
            e.integer(EnvironmentVariable.PORT, this::port);
            e.string(EnvironmentVariable.HOST, this::host);
            e.string(EnvironmentVariable.PATH, this::path);
            e.raw(EnvironmentVariable.HEALTH_PATH, v -> healthPath(v.isEmpty() || v.equalsIgnoreCase("off") ? null : v));
            e.millis(EnvironmentVariable.POLL_DEADLINE_MS, this::pollDeadline);
            e.longValue(EnvironmentVariable.MAX_BODY_BYTES, this::maxBodyBytes);
            e.integer(EnvironmentVariable.MAX_IN_FLIGHT, this::maxInFlight);
            e.integer(EnvironmentVariable.RETRY_AFTER_SECONDS, this::retryAfterSeconds);
            e.millis(EnvironmentVariable.SHUTDOWN_GRACE_MS, this::shutdownGrace);
            e.integer(EnvironmentVariable.IO_THREADS, this::ioThreads);
            e.integer(EnvironmentVariable.WORKER_THREADS, this::workerThreads);
            e.millis(EnvironmentVariable.NO_REQUEST_TIMEOUT_MS, this::noRequestTimeout);
            e.millis(EnvironmentVariable.REQUEST_PARSE_TIMEOUT_MS, this::requestParseTimeout);
            e.millis(EnvironmentVariable.IDLE_TIMEOUT_MS, this::idleTimeout);
            e.integer(EnvironmentVariable.MAX_HEADER_BYTES, this::maxHeaderBytes);
            e.integer(EnvironmentVariable.MAX_HEADERS, this::maxHeaders);
            e.integer(EnvironmentVariable.MAX_PARAMETERS, this::maxParameters);
            e.names(EnvironmentVariable.DISABLED_PLUGINS, names -> disabledPlugins = new LinkedHashSet<>(names));
            e.integer(EnvironmentVariable.OUTBOX_BATCH_SIZE, this::outboxBatchSize);
            e.bool(EnvironmentVariable.LONG_POLL, this::longPoll);
            e.longValue(EnvironmentVariable.LONG_POLL_CAP_SECONDS, v -> longPollCap(Duration.ofSeconds(v)));
            e.integer(EnvironmentVariable.MAX_HELD_POLLS, this::maxHeldPolls);
            cors = CorsEnvironment.apply(env, cors);
        }
    }
}

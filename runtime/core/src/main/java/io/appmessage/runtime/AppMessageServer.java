package io.appmessage.runtime;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.internal.config.Setting;
import io.appmessage.runtime.internal.config.SettingValues;
import io.appmessage.runtime.internal.config.Settings;
import io.appmessage.runtime.internal.config.LogBindingCheck;
import io.appmessage.runtime.internal.dispatch.PollExtension;
import io.appmessage.runtime.internal.server.ServerRuntime;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.presence.Presence;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.spi.HandlerRegistry;
import io.undertow.server.HttpHandler;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

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
 * <p>{@link Builder#build() Building} loads the registries and prepares everything (a missing registry fails
 * here, with the likely causes); {@link #start()} listens. Inside an existing app, skip {@code start()} and mount
 * {@link #httpHandler()} in your Undertow, or call {@link #dispatcher()} from a Servlet or Spring controller.
 * {@link #close()} is graceful: it stops accepting, lets the polls in flight finish within the shutdown grace.
 */
public final class AppMessageServer implements AutoCloseable {

    static {
        // Undertow logs through JBoss Logging: to SLF4J, set before it picks a provider; an explicit setting wins
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private final ServerRuntime runtime;
    private final Presence presence; // given to the builder, or null: presence is off
    private final AppMessageDispatcher dispatcher;
    private final AppMessageSettings settings;
    private final ShutdownWait shutdown = new ShutdownWait();

    private AppMessageServer(ServerRuntime runtime, Presence presence) {
        this.runtime = runtime;
        this.presence = presence;
        this.dispatcher = new AppMessageDispatcher(runtime.engine(), runtime.dispatcherExecutor());
        this.settings = new AppMessageSettings(runtime.settings());
    }

    /** A builder with the defaults of the configuration table; environment variables apply at {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; returns this. */
    public AppMessageServer start() {
        LogBindingCheck.warnIfNone();
        if (!runtime.start()) {
            throw new IllegalStateException("this server was closed; build a new one");
        }
        return this;
    }

    /**
     * Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C) or {@link #close()} is called, for a {@code main}
     * that only serves ({@code try (server) { server.awaitShutdown(); }}). The JVM's stop then waits for
     * {@code close()} (up to the shutdown grace and ten seconds more), so polls in flight are answered first.
     */
    public void awaitShutdown() throws InterruptedException {
        shutdown.await(settings.shutdownGrace());
    }

    /** The bound port (the real one when configured as 0); -1 before {@link #start()}. */
    public int port() {
        return runtime.port();
    }

    /** The poll endpoint as an Undertow handler, to mount in an app's own Undertow at any path. */
    public HttpHandler httpHandler() {
        return runtime.httpHandler();
    }

    /** The poll endpoint without HTTP, for Servlet and Spring apps. */
    public AppMessageDispatcher dispatcher() {
        return dispatcher;
    }

    /** Switches plugins off and on at run time. */
    public Plugins plugins() {
        return runtime.engine().plugins();
    }

    /** The settings in effect (builder values with environment overrides applied). */
    public AppMessageSettings settings() {
        return settings;
    }

    /** How many handlers the registries contributed (all of them, switched-off plugins included). */
    public int handlerCount() {
        return runtime.handlerCount();
    }

    /**
     * Wakes the polls held for {@code userId} when handler data of that user changed, so a waiting client gets it
     * now ({@code orders.markShipped(id); server.notifyUser(order.userId());}). With a Redis outbox the wake-up
     * reaches every node; a targeted message wakes its user by itself. Cheap when nobody waits; never throws.
     */
    public void notifyUser(String userId) {
        runtime.signal().notifyUser(Objects.requireNonNull(userId, "userId"));
    }

    /** Wakes every held poll, anonymous ones included (handler data changed for everyone), on every node. */
    public void notifyAllUsers() {
        runtime.signal().notifyAllUsers();
    }

    /**
     * Who is online: the presence given to {@link Builder#presence}, fed by this server's polls.
     *
     * @throws IllegalStateException when the builder was given no presence (it is off by default, so a
     *         server without it runs nothing extra per poll)
     */
    public Presence presence() {
        return ServerParts.required(presence);
    }

    /** How many polls long-poll holds on this node right now (a gauge for monitoring). */
    public int heldPolls() {
        return runtime.heldPolls();
    }

    /** Graceful stop: refuses new polls (503), answers held long-polls at once, drains within the shutdown grace, stops. An outbox given is not closed. */
    @Override
    public void close() {
        shutdown.closing();
        runtime.close();
        shutdown.closed();
    }

    /**
     * Settings for an {@link AppMessageServer}, grouped by concern, each with a default (the README's configuration
     * table); environment variables ({@code PORT}, {@code APPMESSAGE_*}) override them at {@link #build()}, which
     * checks every value and names the setting at fault.
     */
    public static final class Builder {

        private final SettingValues values = new SettingValues();
        private final ServerParts parts = new ServerParts();
        private Map<String, String> environment;

        private Builder() {
        }

        private <T> Builder set(Setting<T> setting, T value) {
            values.set(setting, value);
            return this;
        }

        // ---- where it listens and what it answers besides polls ----
        /** Interface to listen on; default {@code 0.0.0.0}. Env: {@code APPMESSAGE_HOST}. */
        public Builder host(String host) { return set(Settings.HOST, Objects.requireNonNull(host)); }
        /** Port; default 8080, 0 for any free port (see {@link AppMessageServer#port()}). Env: {@code PORT}. */
        public Builder port(int port) { return set(Settings.PORT, port); }
        /** The poll path; default {@code /api/message/index}. Env: {@code APPMESSAGE_PATH}. */
        public Builder path(String path) { return set(Settings.PATH, Objects.requireNonNull(path)); }
        /** The health path; default {@code /health}; null switches health off. Env: {@code APPMESSAGE_HEALTH_PATH}. */
        public Builder healthPath(String healthPath) { return set(Settings.HEALTH_PATH, healthPath); }
        /** What the standalone server answers on other paths (a page, a {@code PathHandler}); default: 404 with the envelope. */
        public Builder otherRoutes(HttpHandler handler) { parts.otherRoutes = Objects.requireNonNull(handler, "handler"); return this; }
        /** Which browser origins may poll from pages served elsewhere; default off. Env: {@code APPMESSAGE_CORS_*}. */
        public Builder cors(CorsSettings cors) {
            set(Settings.CORS_ALLOWED_ORIGINS, cors.allowedOrigins());
            set(Settings.CORS_ALLOWED_HEADERS, cors.allowedHeaders());
            set(Settings.CORS_EXPOSED_HEADERS, cors.exposedHeaders());
            set(Settings.CORS_MAX_AGE, cors.maxAge());
            return set(Settings.CORS_ALLOW_CREDENTIALS, cors.credentials());
        }

        // ---- one poll: its deadline, its size, how many at once ----
        /** How long a poll waits for its handlers, counted from the start of its handlers; default 2 s. */
        public Builder pollDeadline(Duration deadline) { return set(Settings.POLL_DEADLINE, Objects.requireNonNull(deadline)); }
        /** Largest request body; bigger is answered 413; default 64 KiB. */
        public Builder maxBodyBytes(long maxBodyBytes) { return set(Settings.MAX_BODY_BYTES, maxBodyBytes); }
        /** Most query parameters; beyond, 400; default 100. */
        public Builder maxParameters(int maxParameters) { return set(Settings.MAX_PARAMETERS, maxParameters); }
        /** Most polls admitted and not yet answered; beyond, 503 with Retry-After; default 10,000. */
        public Builder maxInFlight(int maxInFlight) { return set(Settings.MAX_IN_FLIGHT, maxInFlight); }
        /** The Retry-After of 503 answers, in seconds; default 5 (one poll interval). */
        public Builder retryAfterSeconds(int seconds) { return set(Settings.RETRY_AFTER_SECONDS, seconds); }
        /** At most one log line per handler per interval about its faults; default 10 s. */
        public Builder faultLogInterval(Duration interval) { return set(Settings.FAULT_LOG_INTERVAL, Objects.requireNonNull(interval)); }

        // ---- long-poll and targeted messages ----
        /**
         * Delivers this outbox's targeted messages on the poll path (authenticated polls get {@code messages} after
         * their {@code cursor}); sends wake that user's held polls. The server gives the outbox its JSON writers
         * (unless it has a serializer) and its observers, and does not close it: close it after the server.
         */
        public Builder outbox(AppMessageOutbox outbox) { parts.outbox = Objects.requireNonNull(outbox); return this; }
        /** Most targeted messages per answer, the rest on the next poll; default 100. */
        public Builder outboxBatchSize(int outboxBatchSize) { return set(Settings.OUTBOX_BATCH_SIZE, outboxBatchSize); }
        /** Topics every poll may read, anonymous ones too: names or prefixes ending with {@code *} ({@code "live:*"}). Env: {@code APPMESSAGE_PUBLIC_TOPICS}. */
        public Builder publicTopics(String... patterns) { return set(Settings.PUBLIC_TOPICS, new LinkedHashSet<>(Arrays.asList(patterns))); }
        /** Decides which other topics a poll may read (see {@link TopicAuthorizer}); default: none but the public ones. */
        public Builder topicAuthorizer(TopicAuthorizer authorizer) { parts.topicAuthorizer = Objects.requireNonNull(authorizer); return this; }
        /** Most topics one poll may list; beyond, 400; default 16. */
        public Builder maxTopicsPerPoll(int max) { return set(Settings.MAX_TOPICS_PER_POLL, max); }
        /** Whether a poll with {@code wait=<seconds>} is held until something is there for its user; default on. */
        public Builder longPoll(boolean longPoll) { return set(Settings.LONG_POLL, longPoll); }
        /** The longest wait granted (whole seconds), whatever the client asks; default 25 s. */
        public Builder longPollCap(Duration cap) { return set(Settings.LONG_POLL_CAP, Objects.requireNonNull(cap)); }
        /** Most polls held at once on this node; beyond, a poll answers at once without {@code wait}; default 20,000. */
        public Builder maxHeldPolls(int maxHeldPolls) { return set(Settings.MAX_HELD_POLLS, maxHeldPolls); }

        // ---- the Undertow transport: threads, connections, the close ----
        /** Undertow IO threads; 0 (default) for one per core, at least two. */
        public Builder ioThreads(int ioThreads) { return set(Settings.IO_THREADS, ioThreads); }
        /** Undertow worker threads, where handlers run; 0 (default) for eight per IO thread. */
        public Builder workerThreads(int workerThreads) { return set(Settings.WORKER_THREADS, workerThreads); }
        /** Closes keep-alive connections idle this long between requests; default 60 s. */
        public Builder noRequestTimeout(Duration timeout) { return set(Settings.NO_REQUEST_TIMEOUT, Objects.requireNonNull(timeout)); }
        /** Drops a request whose line and headers (or body: 408) do not arrive within this time; default 10 s. */
        public Builder requestParseTimeout(Duration timeout) { return set(Settings.REQUEST_PARSE_TIMEOUT, Objects.requireNonNull(timeout)); }
        /** Closes a connection with no traffic for this long; default 90 s; must exceed the long-poll cap by 5 s. */
        public Builder idleTimeout(Duration timeout) { return set(Settings.IDLE_TIMEOUT, Objects.requireNonNull(timeout)); }
        /** Largest request line plus headers; default 16 KiB. */
        public Builder maxHeaderBytes(int maxHeaderBytes) { return set(Settings.MAX_HEADER_BYTES, maxHeaderBytes); }
        /** Most request headers; default 100. */
        public Builder maxHeaders(int maxHeaders) { return set(Settings.MAX_HEADERS, maxHeaders); }
        /** How long {@link AppMessageServer#close()} lets polls in flight finish; default 10 s. */
        public Builder shutdownGrace(Duration grace) { return set(Settings.SHUTDOWN_GRACE, Objects.requireNonNull(grace)); }
        /** How long a non-blocking handler may hold its I/O thread before a (rate-limited) warning names it; zero: off; default 10 ms. */
        public Builder nonBlockingWatchdog(Duration threshold) { return set(Settings.NON_BLOCKING_WATCHDOG, Objects.requireNonNull(threshold)); }

        // ---- handlers, plugins and who polls ----
        /** Uses these registries instead of looking them up with {@code ServiceLoader}. */
        public Builder registries(HandlerRegistry... registries) { parts.registries = List.of(registries); return this; }
        /** Uses these registries instead of looking them up with {@code ServiceLoader}. */
        public Builder registries(List<? extends HandlerRegistry> registries) { parts.registries = List.copyOf(registries); return this; }
        /** The class loader {@code ServiceLoader} searches; default the thread's context class loader. */
        public Builder classLoader(ClassLoader classLoader) { parts.classLoader = classLoader; return this; }
        /** Supplies handler objects (a DI container); default: built with their no-arg constructors. */
        public Builder instanceProvider(InstanceProvider instanceProvider) { parts.instanceProvider = Objects.requireNonNull(instanceProvider); return this; }
        /** Resolves access tokens; default: every poll anonymous. */
        public Builder authenticator(Authenticator authenticator) { parts.authenticator = Objects.requireNonNull(authenticator); return this; }
        /** Plugins switched off from the start (switch at run time with {@link AppMessageServer#plugins()}). */
        public Builder disabledPlugins(String... plugins) { return set(Settings.DISABLED_PLUGINS, Set.copyOf(Arrays.asList(plugins))); }
        /** Plugins the app needs: {@link #build()} fails naming each one no registry brought. Env: {@code APPMESSAGE_EXPECTED_PLUGINS}. */
        public Builder expectPlugins(String... plugins) { return set(Settings.EXPECTED_PLUGINS, Set.copyOf(Arrays.asList(plugins))); }

        // ---- observers and stages around the poll ----
        /**
         * Adds an observer of every poll, handler, hold and message (metrics, presence, a console), called in the
         * order added; one that throws is logged (rate-limited) and ignored. With none, the poll path allocates nothing for them.
         */
        public Builder observer(PollObserver observer) { parts.observers.add(Objects.requireNonNull(observer, "observer")); return this; }
        /** Tracks who is online ({@link AppMessageServer#presence()}), as an observer; off by default; close it after the server. */
        public Builder presence(Presence presence) { return observer(parts.presence(presence)); }
        /** Adds a stage around the handlers (see {@link PollExtension}); they run after delivery, in the order added. */
        public Builder extension(PollExtension extension) { parts.extensions.add(Objects.requireNonNull(extension)); return this; }

        /**
         * Where {@link AppMessageDispatcher} (Servlet, Spring) runs polls; default a server-owned pool sized like
         * Undertow's workers, shut down by {@link AppMessageServer#close()}; an executor given here is the app's to shut down.
         */
        public Builder dispatcherExecutor(Executor executor) { parts.dispatcherExecutor = Objects.requireNonNull(executor, "executor"); return this; }

        // ---- the environment, and the build ----
        /** The environment read for overrides; default {@link System#getenv()}. Pass {@code Map.of()} to ignore it. */
        public Builder environment(Map<String, String> environment) { this.environment = Map.copyOf(environment); return this; }

        /**
         * Applies environment overrides, checks every setting, loads the registries (failing with the likely causes
         * when there is none, or naming an expected plugin none brought), and prepares the poll path. Does not listen yet.
         */
        public AppMessageServer build() {
            values.applyEnvironment(environment == null ? System.getenv() : environment);
            return new AppMessageServer(parts.runtime(values.resolve()), parts.presence);
        }
    }
}

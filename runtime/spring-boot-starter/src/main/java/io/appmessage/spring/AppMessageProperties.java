package io.appmessage.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code appmessage.*} settings of a Spring Boot app: the same names, defaults and checks as the
 * standalone server's settings. Spring's relaxed binding also reads them from the environment
 * ({@code APPMESSAGE_PATH}, {@code APPMESSAGE_LONG_POLL_CAP=30s}).
 *
 * <pre>{@code
 * appmessage:
 *   path: /api/message/index
 *   long-poll-cap: 25s
 *   disabled-plugins: [wxapp]
 *   outbox:
 *     store: embedded
 *     data-dir: appmessage-data
 * }</pre>
 */
@ConfigurationProperties(prefix = "appmessage")
public class AppMessageProperties {

    /** Whether AppMessage is set up at all; false leaves the app as if the starter were absent. */
    private boolean enabled = true;

    /** The poll path, served by the app's own web server (Spring MVC or WebFlux). */
    private String path = "/api/message/index";

    /** How long a poll waits for asynchronous handlers, counted from the start of its handlers. */
    private Duration pollDeadline = Duration.ofSeconds(2);

    /** Largest request body; a bigger one is answered 413 with the envelope. */
    private long maxBodyBytes = 64 * 1024;

    /** Most polls running at once (held long-polls not counted); beyond, 503 with Retry-After. */
    private int maxInFlight = 10_000;

    /** The Retry-After seconds of a 503 answer. */
    private int retryAfterSeconds = 5;

    /** How long shutdown waits for polls in flight after answering the held ones. */
    private Duration shutdownGrace = Duration.ofSeconds(10);

    /** Threads of the pool that runs polls; 0 sizes it like the standalone server's workers. */
    private int workerThreads;

    /** Most query parameters a poll may carry; beyond, 400. */
    private int maxParameters = 100;

    /** Plugins whose handlers do not run (they can be switched back on at run time). */
    private Set<String> disabledPlugins = new LinkedHashSet<>();

    /** Plugins the app needs: start-up fails naming each one no handler registry on the class path brings. */
    private Set<String> expectedPlugins = new LinkedHashSet<>();

    /** Least time between two log lines about the same failing handler. */
    private Duration faultLogInterval = Duration.ofSeconds(10);

    /** Whether a poll with {@code wait=<seconds>} may be held until something is there for its user. */
    private boolean longPoll = true;

    /** The longest wait granted, whatever the client asks (whole seconds, at least 1 s). */
    private Duration longPollCap = Duration.ofSeconds(25);

    /** Most polls held at once on this node; beyond, a poll answers at once without {@code wait}. */
    private int maxHeldPolls = 20_000;

    /** Targeted messages. */
    private final Outbox outbox = new Outbox();

    /** Browser pages on other origins (CORS). */
    @NestedConfigurationProperty
    private final AppMessageCorsProperties cors = new AppMessageCorsProperties();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Duration getPollDeadline() {
        return pollDeadline;
    }

    public void setPollDeadline(Duration pollDeadline) {
        this.pollDeadline = pollDeadline;
    }

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public void setRetryAfterSeconds(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Duration getShutdownGrace() {
        return shutdownGrace;
    }

    public void setShutdownGrace(Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    public int getMaxParameters() {
        return maxParameters;
    }

    public void setMaxParameters(int maxParameters) {
        this.maxParameters = maxParameters;
    }

    public Set<String> getDisabledPlugins() {
        return disabledPlugins;
    }

    public void setDisabledPlugins(Set<String> disabledPlugins) {
        this.disabledPlugins = disabledPlugins;
    }

    public Set<String> getExpectedPlugins() {
        return expectedPlugins;
    }

    public void setExpectedPlugins(Set<String> expectedPlugins) {
        this.expectedPlugins = expectedPlugins;
    }

    public Duration getFaultLogInterval() {
        return faultLogInterval;
    }

    public void setFaultLogInterval(Duration faultLogInterval) {
        this.faultLogInterval = faultLogInterval;
    }

    public boolean isLongPoll() {
        return longPoll;
    }

    public void setLongPoll(boolean longPoll) {
        this.longPoll = longPoll;
    }

    public Duration getLongPollCap() {
        return longPollCap;
    }

    public void setLongPollCap(Duration longPollCap) {
        this.longPollCap = longPollCap;
    }

    public int getMaxHeldPolls() {
        return maxHeldPolls;
    }

    public void setMaxHeldPolls(int maxHeldPolls) {
        this.maxHeldPolls = maxHeldPolls;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public AppMessageCorsProperties getCors() {
        return cors;
    }

    /** Where targeted messages are stored. */
    public enum Store {
        /** No outbox: polls carry handler data only. */
        NONE,
        /** A store in a local data directory, for one node. */
        EMBEDDED,
        /** Redis Streams, for several nodes (add io.lettuce:lettuce-core). */
        REDIS
    }

    /** {@code appmessage.outbox.*}. */
    public static class Outbox {

        /** Which store holds targeted messages: none, embedded or redis. */
        private Store store = Store.NONE;

        /** The embedded store's data directory. */
        private Path dataDir = Path.of("appmessage-data");

        /** The Redis URI of the redis store, e.g. redis://localhost:6379. */
        private String redisUri;

        /** How many targeted messages one poll answer carries at most (1..10000). */
        private int batchSize = 100;

        /** Messages kept per user. */
        private int maxMessagesPerUser = 1_000;

        /** How long a message is kept. */
        private Duration maxAge = Duration.ofHours(24);

        public Store getStore() {
            return store;
        }

        public void setStore(Store store) {
            this.store = store;
        }

        public Path getDataDir() {
            return dataDir;
        }

        public void setDataDir(Path dataDir) {
            this.dataDir = dataDir;
        }

        public String getRedisUri() {
            return redisUri;
        }

        public void setRedisUri(String redisUri) {
            this.redisUri = redisUri;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getMaxMessagesPerUser() {
            return maxMessagesPerUser;
        }

        public void setMaxMessagesPerUser(int maxMessagesPerUser) {
            this.maxMessagesPerUser = maxMessagesPerUser;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }
}

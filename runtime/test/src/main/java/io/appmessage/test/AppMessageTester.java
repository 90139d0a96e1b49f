package io.appmessage.test;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import io.appmessage.runtime.PollResponse;
import io.appmessage.spi.HandlerRegistry;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Polls handlers in a unit test, without HTTP: the real runtime runs the registries (generated
 * writers, ordering, the deadline, fault isolation) through {@link io.appmessage.runtime.AppMessageDispatcher},
 * and the answer comes back as a {@link PollResult}.
 *
 * <pre>{@code
 * AppMessageTester tester = AppMessageTester.discovered();            // every HandlerRegister, like the server
 * PollResult poll = tester.as("alice").param("shop", "7").poll();
 * poll.data();          // {"cart": {"user_id": "alice", "item_count": 2}, "test_msg": "测试消息"}
 * poll.json();          // {"code":0,"msg":"","data":{…}}
 * poll.droppedKeys();   // keys pushed but left out (a failed handler's, an unwritable value's)
 * poll.faults();        // handlers that threw or missed the deadline
 * }</pre>
 *
 * <p>Settings are fixed when the first poll is sent; the methods that change them return a new tester.
 * Close it to stop the runtime's threads (daemon threads: a forgotten tester does not keep a JVM alive).
 */
public final class AppMessageTester implements AutoCloseable {

    private final List<HandlerRegistry> registries;
    private final Authenticator authenticator;
    private final Consumer<AppMessageServer.Builder> configure;
    private KitServer kit;

    private AppMessageTester(List<HandlerRegistry> registries, Authenticator authenticator,
                             Consumer<AppMessageServer.Builder> configure) {
        this.registries = registries;
        this.authenticator = authenticator;
        this.configure = configure;
    }

    /** A tester of these registries (a generated {@code HandlerRegister}, or one written by hand). */
    public static AppMessageTester of(HandlerRegistry... registries) {
        if (registries.length == 0) {
            throw new IllegalArgumentException("give at least one registry, or use AppMessageTester.discovered()");
        }
        return new AppMessageTester(List.of(registries), Authenticator.ANONYMOUS, builder -> { });
    }

    /** A tester of every registry {@code ServiceLoader} finds on the class path, as the server finds them. */
    public static AppMessageTester discovered() {
        return new AppMessageTester(KitServer.discovered(Thread.currentThread().getContextClassLoader()),
                Authenticator.ANONYMOUS, builder -> { });
    }

    /** The same handlers with objects from {@code provider} (the app's DI container, or test doubles). */
    public AppMessageTester instances(InstanceProvider provider) {
        Objects.requireNonNull(provider, "provider");
        return configure(builder -> builder.instanceProvider(provider));
    }

    /**
     * The app's authenticator for polls that send their own {@code X-Access-Token} (or
     * {@code access_token}); polls made with {@link #as(String)} do not reach it.
     */
    public AppMessageTester authenticator(Authenticator authenticator) {
        return new AppMessageTester(registries, Objects.requireNonNull(authenticator, "authenticator"), configure);
    }

    /**
     * Any other server setting (a poll deadline, an outbox, an extension). The kit sets the
     * registries, the authenticator, the environment (none) and the address after it.
     */
    public AppMessageTester configure(Consumer<AppMessageServer.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        return new AppMessageTester(registries, authenticator, configure.andThen(settings));
    }

    /** A poll by {@code userId}. */
    public TestPoll as(String userId) {
        return anonymous().as(userId);
    }

    /** A poll by {@code identity} (with attributes). */
    public TestPoll as(Identity identity) {
        return anonymous().as(identity);
    }

    /** A poll without a user. */
    public TestPoll anonymous() {
        return new TestPoll(this::send, null, Map.of(), Map.of());
    }

    /** Sends an anonymous poll with no parameters. */
    public PollResult poll() {
        return anonymous().poll();
    }

    private synchronized KitServer kit() {
        if (kit == null) {
            kit = new KitServer(registries, authenticator, configure, false);
        }
        return kit;
    }

    private PollResult send(Identity identity, Map<String, String> params, Map<String, String> headers) {
        KitServer kit = kit();
        Map<String, String> byName = new HashMap<>();
        headers.forEach((name, value) -> byName.put(name.toLowerCase(Locale.ROOT), value));
        if (identity != null) {
            byName.put("x-access-token", kit.tokenFor(identity));
        }
        String record = kit.openRecord();
        byName.put(KitServer.POLL_HEADER.toLowerCase(Locale.ROOT), record);
        PollResponse answer;
        try {
            answer = kit.server.dispatcher().poll("GET", TestPoll.query(params), name -> byName.get(name.toLowerCase(Locale.ROOT)))
                    .toCompletableFuture().get(kit.server.settings().pollDeadline().toMillis()
                            + kit.server.settings().longPollCap().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the poll's answer", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the poll was not answered: " + e, e);
        }
        return new PollResult(answer.status(), new String(answer.body(), StandardCharsets.UTF_8), kit.closeRecord(record));
    }

    /** Stops the runtime's threads; a closed tester cannot poll again. */
    @Override
    public synchronized void close() {
        if (kit != null) {
            kit.close();
        }
    }
}

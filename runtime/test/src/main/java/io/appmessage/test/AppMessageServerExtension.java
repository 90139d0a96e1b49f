package io.appmessage.test;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import io.appmessage.spi.HandlerRegistry;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A real AppMessage server on a free loopback port for the tests of one class, polled over HTTP.
 *
 * <pre>{@code
 * @RegisterExtension
 * static AppMessageServerExtension server = AppMessageServerExtension.discovered();
 *
 * @Test
 * void pollsOverHttp() {
 *     PollResult poll = server.as("alice").poll();                 // GET {pollUrl} with a token for alice
 *     assertEquals(200, poll.status());
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.pollUrl())).build(), ofString());
 * }
 * }</pre>
 *
 * <p>Starts before the class's first test and stops after its last; register it as a
 * {@code static} field. Polls made with {@link #as(String)} carry a token only this server knows; other
 * tokens go to the {@link #authenticator(Authenticator) app's authenticator}.
 */
public final class AppMessageServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final List<HandlerRegistry> registries;
    private final Authenticator authenticator;
    private final Consumer<AppMessageServer.Builder> configure;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile KitServer kit;

    private AppMessageServerExtension(List<HandlerRegistry> registries, Authenticator authenticator,
                                      Consumer<AppMessageServer.Builder> configure) {
        this.registries = registries;
        this.authenticator = authenticator;
        this.configure = configure;
    }

    /** A server of these registries. */
    public static AppMessageServerExtension of(HandlerRegistry... registries) {
        return new AppMessageServerExtension(List.of(registries), Authenticator.ANONYMOUS, builder -> { });
    }

    /** A server of every registry {@code ServiceLoader} finds, as a production server finds them. */
    public static AppMessageServerExtension discovered() {
        return new AppMessageServerExtension(KitServer.discovered(Thread.currentThread().getContextClassLoader()),
                Authenticator.ANONYMOUS, builder -> { });
    }

    /** The same server with handler objects from {@code provider}. */
    public AppMessageServerExtension instances(InstanceProvider provider) {
        Objects.requireNonNull(provider, "provider");
        return configure(builder -> builder.instanceProvider(provider));
    }

    /** The app's authenticator, for polls that send their own {@code X-Access-Token}. */
    public AppMessageServerExtension authenticator(Authenticator authenticator) {
        return new AppMessageServerExtension(registries, Objects.requireNonNull(authenticator, "authenticator"), configure);
    }

    /** Any other server setting (routes, an outbox, a deadline); the kit sets the address, registries and authenticator after it. */
    public AppMessageServerExtension configure(Consumer<AppMessageServer.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        return new AppMessageServerExtension(registries, authenticator, configure.andThen(settings));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        kit = new KitServer(registries, authenticator, configure, true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        KitServer running = kit;
        kit = null;
        if (running != null) {
            running.close();
        }
    }

    /** The running server (its port, plugins, {@code notifyUser}). */
    public AppMessageServer server() {
        return running().server;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + running().server.port();
    }

    /** The poll endpoint's full address. */
    public String pollUrl() {
        return baseUrl() + running().server.settings().path();
    }

    /** A poll by {@code userId}, sent over HTTP. */
    public TestPoll as(String userId) {
        return anonymous().as(userId);
    }

    /** A poll by {@code identity}, sent over HTTP. */
    public TestPoll as(Identity identity) {
        return anonymous().as(identity);
    }

    /** A poll without a user, sent over HTTP. */
    public TestPoll anonymous() {
        return new TestPoll(this::send, null, Map.of(), Map.of());
    }

    /** Sends an anonymous poll over HTTP. */
    public PollResult poll() {
        return anonymous().poll();
    }

    private KitServer running() {
        KitServer running = kit;
        if (running == null) {
            throw new IllegalStateException("the server runs from beforeAll to afterAll: register the extension on a"
                    + " static field with @RegisterExtension");
        }
        return running;
    }

    private PollResult send(Identity identity, Map<String, String> params, Map<String, String> headers) {
        KitServer running = running();
        String query = TestPoll.query(params);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pollUrl() + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofMillis(running.server.settings().pollDeadline().toMillis()
                        + running.server.settings().longPollCap().toMillis() + 10_000));
        headers.forEach(request::header);
        if (identity != null) {
            request.header("X-Access-Token", running.tokenFor(identity));
        }
        String record = running.openRecord();
        request.header(KitServer.POLL_HEADER, record);
        HttpResponse<String> response;
        try {
            response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            running.closeRecord(record);
            throw new UncheckedIOException("poll of " + pollUrl() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the poll's answer", e);
        }
        return new PollResult(response.statusCode(), response.body(), running.closeRecord(record));
    }
}

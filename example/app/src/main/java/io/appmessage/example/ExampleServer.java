package io.appmessage.example;

import io.appmessage.example.auth.DemoAuthenticator;
import io.appmessage.example.demo.DemoSendHandler;
import io.appmessage.example.demo.ExampleOutbox;
import io.appmessage.example.demo.LiveRoomHandler;
import io.appmessage.example.handlers.DemoInstances;
import io.appmessage.example.web.WebPage;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.AppMessageSettings;
import io.appmessage.runtime.Plugins;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.undertow.Handlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * The example app's server: AppMessage's standalone server (poll path, {@code /health}, its
 * timeouts and limits) with the browser page and the demo send endpoint as its other routes.
 *
 * <pre>{@code
 * try (ExampleServer server = ExampleServer.start(Map.of("PORT", "0"))) {
 *     URI poll = URI.create(server.pageUrl() + "api/message/index");
 * }
 * }</pre>
 *
 * <p>Handlers come from every generated registry on the class path: the app's own and, through
 * {@code ServiceLoader} only, the wxapp plugin jar's (nothing here names it). Targeted messages go
 * through an outbox ({@link ExampleOutbox}: embedded under {@code APPMESSAGE_DATA_DIR}, or Redis), sent
 * from {@code POST /api/demo/send} ({@link DemoSendHandler}); chat lines of the demo live rooms are published to
 * the public topics {@code live:<room>} from {@code POST /api/live/<room>} ({@link LiveRoomHandler}).
 */
public final class ExampleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleServer.class);

    /** Where demo users send each other targeted messages. */
    public static final String SEND_PATH = "/api/demo/send";

    private final AppMessageServer appMessage;
    private final AppMessageOutbox outbox;

    private ExampleServer(AppMessageServer appMessage, AppMessageOutbox outbox) {
        this.appMessage = appMessage;
        this.outbox = outbox;
    }

    /**
     * Builds the channel and starts listening. {@code environment} holds {@code PORT} and the
     * {@code APPMESSAGE_*} settings ({@code System.getenv()} in production, a map in tests), and
     * {@code APPMESSAGE_DATA_DIR} or {@code APPMESSAGE_REDIS_URI} for the outbox.
     */
    public static ExampleServer start(Map<String, String> environment) {
        AppMessageOutbox outbox = ExampleOutbox.open(environment);
        AppMessageServer appMessage = null;
        try {
            appMessage = AppMessageServer.builder()
                    .environment(environment)
                    .authenticator(new DemoAuthenticator())
                    .instanceProvider(DemoInstances.create())
                    .outbox(outbox) // messages + cursor on every poll; a send wakes the user's held poll
                    .publicTopics(LiveRoomHandler.TOPICS) // the demo live rooms: anyone may read them
                    .otherRoutes(Handlers.path(WebPage.handler())
                            .addExactPath(SEND_PATH, new DemoSendHandler(outbox, Clock.systemUTC()))
                            .addPrefixPath(LiveRoomHandler.PATH, new LiveRoomHandler(outbox, Clock.systemUTC())))
                    .build()
                    .start();
            return started(new ExampleServer(appMessage, outbox));
        } catch (RuntimeException e) {
            // a port already taken must not leave the data directory locked behind it
            if (appMessage != null) {
                appMessage.close();
            }
            outbox.close();
            throw e;
        }
    }

    private static ExampleServer started(ExampleServer server) {
        AppMessageServer appMessage = server.appMessage;
        AppMessageSettings settings = appMessage.settings();
        LOG.info("{} handlers, plugins {} (switched off: {}), poll path {}, long-poll {}",
                appMessage.handlerCount(), appMessage.plugins().known(), appMessage.plugins().disabled(), settings.path(),
                settings.longPoll() ? "on (cap " + settings.longPollCap().toSeconds() + " s)" : "off");
        return server;
    }

    /** The bound port (the real one when {@code PORT=0}). */
    public int port() {
        return appMessage.port();
    }

    /** The browser page's address, e.g. {@code http://localhost:8080/}. */
    public String pageUrl() {
        String host = appMessage.settings().host();
        String shown = "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
        if (shown.contains(":")) {
            shown = "[" + shown + "]";
        }
        return "http://" + shown + ":" + port() + "/";
    }

    /** Polls held right now (long-poll): a gauge for tests and monitoring. */
    public int heldPolls() {
        return appMessage.heldPolls();
    }

    /** Switches the wxapp plugin (or any other) off and on while the server runs. */
    public Plugins plugins() {
        return appMessage.plugins();
    }

    /**
     * Graceful: health answers 503, polls in flight (held ones answered at once) finish within the
     * runtime's grace, the server stops, and only then the outbox closes: nothing reads or sends after it.
     */
    @Override
    public void close() {
        try {
            appMessage.close();
        } finally {
            outbox.close();
        }
    }
}

package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.CorsSettings;
import io.appmessage.runtime.internal.config.ServerSettings;
import io.appmessage.runtime.internal.dispatch.PollEngine;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.UndertowOptions;
import org.xnio.Options;

import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * The standalone Undertow server: one HTTP listener, the routes, and the options that keep slow or
 * silent clients from pinning connections: parse, idle and no-request timeouts,
 * header and parameter limits. The body limit lives in {@link PollHttpHandler}, which answers 413
 * with the envelope where Undertow's own limit would drop the connection.
 *
 * <pre>{@code
 * UndertowServer server = UndertowServer.start(settings, pollHandler, engine);
 * server.port();
 * }</pre>
 */
public final class UndertowServer {

    /** Pending connections the kernel queues before accept (Undertow's default is 1,000). */
    static final int ACCEPT_BACKLOG = 4096;

    private final Undertow undertow;
    private final int port;

    private UndertowServer(Undertow undertow) {
        this.undertow = undertow;
        this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** {@code otherRoutes} answers every other path; null: 404 with the envelope. */
    public static UndertowServer start(ServerSettings settings, PollHttpHandler pollHandler, PollEngine engine,
                                       HttpHandler otherRoutes, CorsSettings cors) {
        HttpHandler routes = new ServerRoutes(settings.path(), settings.healthPath(), pollHandler, engine, otherRoutes);
        Undertow.Builder builder = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setHandler(CorsHandler.wrap(cors, routes))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(settings.noRequestTimeout()))
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(settings.requestParseTimeout()))
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(settings.idleTimeout()))
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, settings.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_HEADERS, settings.maxHeaders())
                .setServerOption(UndertowOptions.MAX_PARAMETERS, parserParameterLimit(settings.maxParameters()))
                // the raw query goes to our strict parser, which answers 400 with the envelope;
                // Undertow's decoder would drop the connection with a bare 400 instead
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setSocketOption(Options.REUSE_ADDRESSES, true)
                // many clients reconnect at once after a deploy or a wake-all; the kernel caps this at somaxconn
                .setSocketOption(Options.BACKLOG, ACCEPT_BACKLOG);
        if (settings.ioThreads() > 0) {
            builder.setIoThreads(settings.ioThreads());
        }
        if (settings.workerThreads() > 0) {
            builder.setWorkerThreads(settings.workerThreads());
        }
        Undertow undertow = builder.build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port()
                        + ": the address is in use (another server running?); set PORT (or builder.port) to a free port,"
                        + " or 0 for any free one", e);
            }
            throw e;
        }
        return new UndertowServer(undertow);
    }

    public int port() {
        return port;
    }

    public void stop() {
        undertow.stop();
    }

    /**
     * Undertow's own parameter limit is only a backstop: it drops the connection with a bare 400,
     * while the engine's limit ({@code maxParameters}) answers 400 with the envelope.
     */
    private static int parserParameterLimit(int maxParameters) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1000L, maxParameters * 10L));
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}

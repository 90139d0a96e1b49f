package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.CorsSettings;
import io.appmessage.runtime.internal.config.ServerSettings;
import io.appmessage.runtime.internal.dispatch.PollEngine;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The standalone Undertow server: one HTTP listener, the routes, and the options that keep slow or
 * silent clients from pinning connections: parse, idle and no-request timeouts,
 * header and parameter limits. The body limit lives in {@link PollHttpHandler}, which answers 413
 * with the envelope where Undertow's own limit would drop the connection.
 *
 * <p>The listener is put together here (XNIO worker, Undertow's HTTP open listener) rather than by
 * {@code Undertow.builder()} so that each connection gets {@link EnvelopeForParseFailures} under it: a
 * request Undertow's parser refuses ({@code ?cursor=%zz}) is answered with the 400 envelope too.
 *
 * <pre>{@code
 * UndertowServer server = UndertowServer.start(settings, pollHandler, engine);
 * server.port();
 * }</pre>
 */
public final class UndertowServer {

    /** Pending connections the kernel queues before accept (Undertow's default is 1,000). */
    static final int ACCEPT_BACKLOG = 4096;

    private final XnioWorker worker;
    private final AcceptingChannel<StreamConnection> channel;
    private final int port;

    private UndertowServer(XnioWorker worker, AcceptingChannel<StreamConnection> channel) {
        this.worker = worker;
        this.channel = channel;
        this.port = channel.getLocalAddress(InetSocketAddress.class).getPort();
    }

    /** {@code otherRoutes} answers every other path; null: 404 with the envelope. */
    public static UndertowServer start(ServerSettings settings, PollHttpHandler pollHandler, PollEngine engine,
                                       HttpHandler otherRoutes, CorsSettings cors) {
        HttpHandler routes = new ServerRoutes(settings.path(), settings.healthPath(), pollHandler, engine, otherRoutes);
        OptionMap serverOptions = OptionMap.builder()
                .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, millis(settings.noRequestTimeout()))
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(settings.requestParseTimeout()))
                .set(UndertowOptions.IDLE_TIMEOUT, millis(settings.idleTimeout()))
                .set(UndertowOptions.MAX_HEADER_SIZE, settings.maxHeaderBytes())
                .set(UndertowOptions.MAX_HEADERS, settings.maxHeaders())
                .set(UndertowOptions.MAX_PARAMETERS, parserParameterLimit(settings.maxParameters()))
                // the raw query goes to our strict parser, which answers 400 with the envelope
                .set(UndertowOptions.DECODE_URL, false)
                .getMap();
        HttpOpenListener http = new HttpOpenListener(buffers(), serverOptions);
        http.setRootHandler(CorsHandler.wrap(cors, routes));
        ChannelListener<StreamConnection> withEnvelopes = connection -> {
            EnvelopeForParseFailures.wrap(connection);
            http.handleEvent(connection);
        };
        XnioWorker worker = worker(settings);
        try {
            AcceptingChannel<StreamConnection> channel = worker.createStreamConnectionServer(
                    new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()),
                    ChannelListeners.openListenerAdapter(withEnvelopes), socketOptions(worker));
            channel.resumeAccepts();
            return new UndertowServer(worker, channel);
        } catch (IOException e) {
            worker.shutdownNow();
            if (causedBy(e, BindException.class)) {
                throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port()
                        + ": the address is in use (another server running?); set PORT (or builder.port) to a free port,"
                        + " or 0 for any free one", e);
            }
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e, e);
        }
    }

    /** Undertow's own defaults: one IO thread per core (at least two), eight workers per IO thread. */
    private static XnioWorker worker(ServerSettings settings) {
        int io = settings.ioThreads() > 0 ? settings.ioThreads() : Math.max(Runtime.getRuntime().availableProcessors(), 2);
        int workers = settings.workerThreads() > 0 ? settings.workerThreads() : io * 8;
        try {
            return Xnio.getInstance(HttpOpenListener.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, io)
                    .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                    .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                    .set(Options.WORKER_TASK_CORE_THREADS, workers)
                    .set(Options.WORKER_TASK_MAX_THREADS, workers)
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.CORK, true)
                    .getMap());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the server's IO threads: " + e, e);
        }
    }

    private static OptionMap socketOptions(XnioWorker worker) {
        return OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
                .set(Options.TCP_NODELAY, true)
                .set(Options.REUSE_ADDRESSES, true)
                .set(Options.BALANCING_TOKENS, 1)
                .set(Options.BALANCING_CONNECTIONS, 2)
                // many clients reconnect at once after a deploy or a wake-all; the kernel caps this at somaxconn
                .set(Options.BACKLOG, ACCEPT_BACKLOG)
                .getMap();
    }

    /** Undertow's default buffers for this heap: small and on-heap when memory is tight, else 16 KiB direct. */
    private static ByteBufferPool buffers() {
        long maxMemory = Runtime.getRuntime().maxMemory();
        if (maxMemory < 64 * 1024 * 1024) {
            return new DefaultByteBufferPool(false, 512, -1, 4);
        }
        if (maxMemory < 128 * 1024 * 1024) {
            return new DefaultByteBufferPool(true, 1024, -1, 4);
        }
        return new DefaultByteBufferPool(true, 16 * 1024, -1, 4);
    }

    public int port() {
        return port;
    }

    /** Stops accepting, then stops the IO and worker threads once what runs on them has finished. */
    public void stop() {
        IoUtils.safeClose(channel);
        worker.shutdown();
        try {
            worker.awaitTermination();
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
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

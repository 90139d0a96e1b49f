package io.appmessage.spring;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.spec.HttpServletRequestImpl;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.conduits.ConduitStreamSourceChannel;

import java.io.IOException;

/**
 * Notices a client that closes its connection while its poll is held on Undertow as the servlet container.
 * Undertow does not read the connection of an async request that is idle and tells no {@code AsyncListener}
 * that its client left, so while the poll is held this reads the connection on its IO thread (Undertow's
 * public connection API, reached through {@link HttpServletRequestImpl#getExchange()}): end of stream or a
 * reset means the client went away; bytes (a pipelined next request) are handed back to Undertow untouched
 * and watching stops. Start, reads and stop all run on the connection's IO thread, so this and Undertow never
 * read at once. Loaded only when Undertow's servlet classes are on the class path.
 */
final class UndertowConnectionWatch implements ChannelListener<ConduitStreamSourceChannel> {

    private final AbstractServerConnection connection;
    private final Runnable gone;
    private volatile boolean stopped;
    /** IO thread only. */
    private boolean watching;

    private UndertowConnectionWatch(AbstractServerConnection connection, Runnable gone) {
        this.connection = connection;
        this.gone = gone;
    }

    /**
     * Watches the connection under {@code request} when it is an HTTP/1.1 connection of Undertow; returns what
     * stops watching, or {@code null} when it is not one (HTTP/2 streams share their connection).
     */
    static Runnable watch(ServletRequest request, Runnable gone) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper wrapper) {
            r = wrapper.getRequest();
        }
        if (!(r instanceof HttpServletRequestImpl undertow)) {
            return null;
        }
        HttpServerExchange exchange = undertow.getExchange();
        if (!(exchange.getConnection() instanceof AbstractServerConnection connection)
                || !exchange.getProtocol().toString().startsWith("HTTP/1")) {
            return null;
        }
        UndertowConnectionWatch watch = new UndertowConnectionWatch(connection, gone);
        connection.getIoThread().execute(watch::start);
        return watch::stop;
    }

    private void start() {
        if (stopped || !connection.isOpen() || connection.getExtraBytes() != null) {
            return; // over already, or the client pipelined: its bytes wait for Undertow, not for this
        }
        ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
        source.getReadSetter().set(this);
        watching = true;
        source.resumeReads();
    }

    /** Stops watching (on the IO thread, ahead of whatever Undertow runs there after the answer). Idempotent. */
    private void stop() {
        stopped = true;
        connection.getIoThread().execute(this::stopOnIoThread);
    }

    private void stopOnIoThread() {
        if (!watching) {
            return;
        }
        watching = false;
        ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
        if (source.getReadListener() == this) {
            source.suspendReads();
            source.getReadSetter().set(null); // Undertow sets its own once the answer is complete
        }
    }

    @Override
    public void handleEvent(ConduitStreamSourceChannel channel) {
        if (!watching) {
            return;
        }
        if (stopped) {
            stopOnIoThread();
            return;
        }
        PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
        boolean handedBack = false;
        try {
            int read;
            try {
                read = channel.read(pooled.getBuffer());
            } catch (IOException reset) {
                read = -1;
            }
            if (read == 0) {
                return;
            }
            stopOnIoThread();
            if (read > 0) {
                pooled.getBuffer().flip(); // a pipelined request: Undertow parses it after this answer
                connection.setExtraBytes(pooled);
                handedBack = true;
                return;
            }
            gone.run();
            IoUtils.safeClose(connection);
        } finally {
            if (!handedBack) {
                pooled.close();
            }
        }
    }
}

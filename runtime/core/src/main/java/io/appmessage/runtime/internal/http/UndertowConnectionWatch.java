package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.internal.dispatch.ConnectionWatch;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.conduits.ConduitStreamSourceChannel;

import java.io.IOException;

/**
 * Notices a client that goes away while its poll is held, so its hold is freed at once. Undertow stops reading a connection while a request is being handled, so
 * without this a closed socket would only be found when the answer is written, at the end of the
 * wait. While held, this listener reads the connection on its IO thread: end-of-stream or a reset
 * means the client is gone; bytes (a pipelined next request) are handed back to Undertow untouched
 * and watching stops.
 *
 * <p>Everything runs on the connection's IO thread (start, each read event, stop), so watching
 * and Undertow's own read listener never race; the answer is only written after watching stopped.
 * Only requests without a body are watched: after a body, the connection's channel reads through
 * the body's conduit, which reports end-of-stream for the body, not for the socket.
 */
final class UndertowConnectionWatch implements ConnectionWatch, ChannelListener<ConduitStreamSourceChannel> {

    private final AbstractServerConnection connection;
    private Runnable clientGone;
    /** Set once the hold ended; read on the IO thread before watching starts. */
    private volatile boolean released;
    /** IO thread only. */
    private boolean watching;

    private UndertowConnectionWatch(AbstractServerConnection connection) {
        this.connection = connection;
    }

    /** A watch for this exchange, or {@link ConnectionWatch#NONE} where the socket cannot be watched. */
    static ConnectionWatch of(HttpServerExchange exchange, boolean hasBody) {
        if (hasBody || !(exchange.getConnection() instanceof AbstractServerConnection connection)) {
            return ConnectionWatch.NONE; // HTTP/2 streams, or a body conduit in the way
        }
        return new UndertowConnectionWatch(connection);
    }

    @Override
    public void held(Runnable clientGone) {
        this.clientGone = clientGone;
        connection.getIoThread().execute(this::startWatching);
    }

    @Override
    public void released(Runnable resume) {
        released = true;
        connection.getIoThread().execute(() -> {
            stopWatching();
            resume.run();
        });
    }

    private void startWatching() {
        if (released || !connection.isOpen() || connection.getExtraBytes() != null) {
            return; // already over, or the client pipelined: its bytes wait for Undertow, not for us
        }
        ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
        source.getReadSetter().set(this);
        watching = true;
        source.resumeReads();
    }

    private void stopWatching() {
        if (!watching) {
            return;
        }
        watching = false;
        ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
        if (source.getReadListener() == this) {
            source.suspendReads();
            source.getReadSetter().set(null); // Undertow sets its own when the answer is complete
        }
    }

    @Override
    public void handleEvent(ConduitStreamSourceChannel channel) {
        if (!watching) {
            return;
        }
        PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
        boolean keep = false;
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
            stopWatching();
            if (read > 0) {
                // a pipelined request: give it back so Undertow parses it after this answer
                pooled.getBuffer().flip();
                connection.setExtraBytes(pooled);
                keep = true;
                return;
            }
            clientGone.run();
            IoUtils.safeClose(connection);
        } finally {
            if (!keep) {
                pooled.close();
            }
        }
    }
}

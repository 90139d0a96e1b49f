package io.appmessage.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Watches the sockets of held polls on one daemon thread with its own selector (a channel may be registered
 * with several selectors; the container's keeps it while the request is async and idle). When a watched
 * socket becomes readable: end of stream or a reset means the client went away ({@code gone} runs); bytes
 * (a pipelined next request) are handed back to the container untouched and watching stops. A watch is
 * stopped before the answer is written, under the same lock as a read, so the container never reads the
 * connection while this does.
 */
final class SocketWatcher {

    /** One watched socket. */
    final class Watch {
        private final WatchedSocket connection;
        private final Runnable gone;
        private SelectionKey key;
        private boolean stopped;

        private Watch(WatchedSocket connection, Runnable gone) {
            this.connection = connection;
            this.gone = gone;
        }

        /** Stops watching; after it returns, this watch neither reads nor calls {@code gone}. Idempotent. */
        synchronized void stop() {
            stopped = true;
            if (key != null) {
                key.cancel();
                selector.wakeup(); // deregister now: a closed channel's socket is released only once no selector holds it
            }
        }

        private synchronized void register() {
            if (stopped) {
                return;
            }
            try {
                key = connection.channel().register(selector, SelectionKey.OP_READ, this);
            } catch (ClosedChannelException | IllegalArgumentException | IllegalStateException closedOrBlocking) {
                stopped = true; // closed already (its error reaches the container), or a channel we cannot watch
            }
        }

        private void readable() {
            boolean clientGone;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                if (connection.unread() == null) {
                    stop(); // bytes waiting are the next request's, left in the socket for the container
                    clientGone = nothingWaits();
                } else {
                    ByteBuffer buffer = ByteBuffer.allocate(8192);
                    int read;
                    try {
                        read = connection.channel().read(buffer);
                    } catch (IOException reset) {
                        read = -1;
                    }
                    if (read == 0) {
                        return;
                    }
                    stop();
                    clientGone = read < 0;
                    if (!clientGone) {
                        buffer.flip();
                        connection.unread().accept(buffer); // the next request, for the container after this answer
                    }
                }
            }
            if (clientGone) {
                gone.run();
            }
        }

        /**
         * Readable with no byte waiting: the client closed (end of stream) or reset the connection. Asks the
         * socket how many bytes wait ({@code FIONREAD}) without reading them.
         */
        private boolean nothingWaits() {
            try {
                return connection.channel().socket().getInputStream().available() == 0;
            } catch (IOException closedOrReset) {
                return true;
            }
        }
    }

    private final Selector selector;
    private final Queue<Watch> toRegister = new ConcurrentLinkedQueue<>();

    /** The watcher of this class loader's Tomcat polls, started with the first long-poll that needs it. */
    static SocketWatcher shared() {
        return Shared.WATCHER;
    }

    private static final class Shared {
        static final SocketWatcher WATCHER = new SocketWatcher();
    }

    SocketWatcher() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::run, "appmessage-socket-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching; {@code gone} runs (on the watcher's thread) once when the client closes the socket. */
    Watch watch(WatchedSocket connection, Runnable gone) {
        Watch watch = new Watch(connection, gone);
        toRegister.add(watch);
        selector.wakeup();
        return watch;
    }

    /** Stops the thread; watches still registered end without calling {@code gone}. */
    void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing is left to release
        }
    }

    private void run() {
        while (selector.isOpen()) {
            try {
                selector.select(1000); // also flushes keys of channels the container closed meanwhile
                for (Watch watch; (watch = toRegister.poll()) != null; ) {
                    watch.register();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (key.isValid() && key.isReadable()) {
                            ((Watch) key.attachment()).readable();
                        }
                    } catch (CancelledKeyException stoppedMeanwhile) {
                        // the answer came first
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | java.nio.channels.ClosedSelectorException closed) {
                return;
            }
        }
    }
}

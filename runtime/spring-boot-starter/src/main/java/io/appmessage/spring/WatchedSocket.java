package io.appmessage.spring;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * The socket under one held poll, for {@link SocketWatcher}, and how bytes the client sent ahead (a pipelined
 * next request) are left to the container: handed back through {@code unread} once read (Tomcat), or, when
 * {@code unread} is null, never read at all: the watcher only asks how many bytes wait (Jetty).
 */
record WatchedSocket(SocketChannel channel, Consumer<ByteBuffer> unread) {

    /** A socket whose waiting bytes the watcher must leave unread. */
    static WatchedSocket peekOnly(SocketChannel channel) {
        return new WatchedSocket(channel, null);
    }
}

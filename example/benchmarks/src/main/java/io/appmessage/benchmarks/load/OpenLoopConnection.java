package io.appmessage.benchmarks.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/** One keep-alive connection of {@link OpenLoopLoad}: at most one request in flight, the rest wait in its backlog. */
final class OpenLoopConnection {
    SocketChannel channel;
    SelectionKey key;
    boolean connected;
    long inFlight = -1;
    final ArrayDeque<Long> backlog = new ArrayDeque<>();
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);

    /**
     * Consumes one complete response from {@link #in} and returns its status, or 0 when the bytes
     * so far are not a whole response ({@link HttpAnswers}: Content-Length, chunked, or no body).
     */
    int parseResponse() throws IOException {
        byte[] a = in.array();
        int len = in.position();
        int end = HttpAnswers.end(a, len);
        if (end < 0) {
            if (len == a.length) {
                throw new IOException("response larger than the read buffer");
            }
            return 0;
        }
        int status = HttpAnswers.status(a);
        if (status < 0) {
            throw new IOException("not an HTTP response");
        }
        System.arraycopy(a, end, a, 0, len - end);
        in.position(len - end);
        return status;
    }

    void close() {
        connected = false;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do
            }
        }
    }
}

package io.appmessage.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One simulated client's keep-alive connection in a raw-NIO load client: thousands share one selector and one
 * thread (a JDK HttpClient does not hold 10,000 connections cheaply). It sends one request at a time and reads
 * its answer; {@link #receivedMicros()} is taken as soon as the read that completed the answer returns, before
 * the client parses anything, so the client's own parsing is not counted in a latency.
 *
 * <pre>{@code
 * PollConnection c = new PollConnection(server, client);  // client: the selector key's attachment
 * c.connect(selector);                                     // then OP_CONNECT → c.finishConnect()
 * c.send(requestBytes);                                    // then OP_WRITE → c.write(); OP_READ → c.read()
 * if (c.read()) { int status = c.status(); String body = c.body(); }
 * }</pre>
 */
public final class PollConnection {

    private final InetSocketAddress server;
    private final Object attachment;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer request;
    private ByteBuffer response = ByteBuffer.allocate(4096);
    private int answerEnd = -1;
    /** A request is out and its answer not complete yet. */
    private boolean awaiting;
    private long receivedMicros;

    public PollConnection(InetSocketAddress server, Object attachment) {
        this.server = server;
        this.attachment = attachment;
    }

    /** Opens the connection; true when connected already (else wait for OP_CONNECT and call {@link #finishConnect}). */
    public boolean connect(Selector selector) throws IOException {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        boolean connected = channel.connect(server);
        key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, attachment);
        return connected;
    }

    /** After OP_CONNECT: true once connected (the key then waits for reads: see {@link #write}). */
    public boolean finishConnect() throws IOException {
        if (!channel.finishConnect()) {
            return false;
        }
        key.interestOps(SelectionKey.OP_READ);
        return true;
    }

    /** Sends one request (the previous answer has been read); true when it left whole. */
    public boolean send(byte[] bytes) throws IOException {
        request = ByteBuffer.wrap(bytes);
        response.clear();
        answerEnd = -1;
        awaiting = true;
        return write();
    }

    /**
     * Writes what is left of the request; true when it left whole. The key waits for reads all along (a read
     * between answers finds nothing or the server's close), so a poll costs no interest change, which would
     * cost a system call each.
     */
    public boolean write() throws IOException {
        channel.write(request);
        boolean whole = !request.hasRemaining();
        int ops = whole ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
        return whole;
    }

    /** Reads what arrived; true once the whole answer is in (false for bytes no request asked for). */
    public boolean read() throws IOException {
        if (!awaiting) {
            response.clear(); // between answers: only the server's close is expected
        }
        if (!response.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(response.capacity() * 2);
            response.flip();
            bigger.put(response);
            response = bigger;
        }
        if (channel.read(response) < 0) {
            throw new IOException("the server closed the connection");
        }
        int end = awaiting ? HttpAnswers.end(response.array(), response.position()) : -1;
        if (end < 0) {
            return false;
        }
        receivedMicros = Clock.nowMicros();
        answerEnd = end;
        awaiting = false;
        return true;
    }

    /** When the last byte of the answer was read: wall-clock microseconds, comparable across JVMs. */
    public long receivedMicros() {
        return receivedMicros;
    }

    public int status() {
        return HttpAnswers.status(response.array());
    }

    public String statusLine() {
        return HttpAnswers.statusLine(response.array(), answerEnd);
    }

    public String body() {
        return HttpAnswers.body(response.array(), answerEnd);
    }

    /** The answer's bytes, valid until the next {@link #send}: its body is {@code [bodyStart(), end())}. */
    public byte[] bytes() {
        return response.array();
    }

    public int bodyStart() {
        return HttpAnswers.bodyStart(response.array(), answerEnd);
    }

    public int end() {
        return answerEnd;
    }

    /** Closes and opens the connection again (after an error); true when connected already. */
    public boolean reconnect(Selector selector) throws IOException {
        close();
        return connect(selector);
    }

    public void close() throws IOException {
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            channel.close();
        }
    }
}

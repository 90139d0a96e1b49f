package io.appmessage.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The child JVM of {@link TenThousandHeldPollsTest}: one thread, raw NIO sockets (a JDK HttpClient
 * does not hold 10,000 connections cheaply). Opens {@code count} connections, writes one long-poll
 * GET on each (user {@code u<i>}), prints {@code written <n>}, then reads every answer and prints
 * {@code answered <ok> failed <n> <first failure>} when all are in or {@code timeoutSeconds} passed.
 * A separate process because one process cannot hold both ends of 10,000 connections under a
 * 20,000 file-descriptor limit.
 */
public final class HeldPollClientMain {

    private HeldPollClientMain() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int wait = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        Selector selector = Selector.open();
        int opened = 0;
        int written = 0;
        int ok = 0;
        int failed = 0;
        String firstFailure = "";
        boolean reported = false;
        while (ok + failed < count && System.nanoTime() < deadline) {
            // open in steps so the accept backlog is never flooded
            while (opened < count && opened - written < 500) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                Connection c = new Connection(opened, wait);
                if (channel.connect(server)) {
                    channel.register(selector, SelectionKey.OP_WRITE, c);
                } else {
                    channel.register(selector, SelectionKey.OP_CONNECT, c);
                }
                opened++;
            }
            if (!reported && written == count) {
                System.out.println("written " + written);
                System.out.flush();
                reported = true;
            }
            selector.select(200);
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey key = it.next();
                it.remove();
                Connection c = (Connection) key.attachment();
                SocketChannel channel = (SocketChannel) key.channel();
                try {
                    if (key.isConnectable() && channel.finishConnect()) {
                        key.interestOps(SelectionKey.OP_WRITE);
                    } else if (key.isWritable()) {
                        channel.write(c.request);
                        if (!c.request.hasRemaining()) {
                            written++;
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        int n = channel.read(c.response);
                        String answer = c.complete();
                        if (answer != null || n < 0) {
                            key.cancel();
                            channel.close();
                            if (answer != null && answer.startsWith("HTTP/1.1 200") && answer.contains("\"wait\":" + wait)) {
                                ok++;
                            } else {
                                failed++;
                                if (firstFailure.isEmpty()) {
                                    firstFailure = answer == null ? "closed without an answer" : answer;
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    key.cancel();
                    channel.close();
                    failed++;
                    if (firstFailure.isEmpty()) {
                        firstFailure = e.toString();
                    }
                }
            }
        }
        System.out.println("answered " + ok + " failed " + (count - ok) + " " + firstFailure.replace('\n', ' '));
        System.out.flush();
        System.exit(0);
    }

    private static final class Connection {
        final ByteBuffer request;
        final ByteBuffer response = ByteBuffer.allocate(2048);

        Connection(int i, int wait) {
            request = ByteBuffer.wrap(("GET /api/message/index?wait=" + wait + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Access-Token: u" + i + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }

        /** The whole answer once headers and Content-Length bytes are in, else null. */
        String complete() {
            String text = new String(response.array(), 0, response.position(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return null;
            }
            for (String line : text.substring(0, end).split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    int length = Integer.parseInt(line.substring(15).trim());
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    return bytes.length >= end + 4 + length ? text : null;
                }
            }
            return text;
        }
    }
}

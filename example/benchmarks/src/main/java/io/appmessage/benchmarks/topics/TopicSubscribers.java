package io.appmessage.benchmarks.topics;

import io.appmessage.benchmarks.delivery.Percentiles;
import io.appmessage.benchmarks.delivery.SendStamp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client JVM of {@link TopicFanOutBenchmark}: {@code subscribers} anonymous clients on one thread (raw NIO,
 * one keep-alive connection each), every one long-polling one topic with its cursor and dropping repeats by id.
 * Prints {@code ready} once every client has an answer (so a cursor) and a held poll, and on {@code stop} (a
 * line on stdin) one {@code RESULT} line: the freshness (publish → receipt) of every message received, and its
 * counters. A separate process because one process cannot hold both ends of 10,000 connections under a
 * 20,000 open-file limit.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.appmessage.benchmarks.topics.TopicSubscribers 18080 10000 bench:1 25
 * }</pre>
 */
public final class TopicSubscribers {

    private static final Pattern MESSAGE = Pattern.compile(
            "\\{\"id\":(\\d+),\"topic\":\"[^\"]*\",\"key\":\"[^\"]*\",\"data\":\\{\"t\":(\\d+)}");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"([^\"]+)\"");
    /** Connects in flight at once: the server's accept backlog is never flooded. */
    private static final int CONNECT_STEP = 500;

    private final InetSocketAddress server;
    private final int subscribers;
    private final String topic;
    private final int waitSeconds;
    private final Percentiles freshness = new Percentiles();
    private final ArrayDeque<Client> toSend = new ArrayDeque<>();
    private int answeredOnce;
    private long answers;
    private long errors;
    private long messages;
    private long duplicates;
    private long gaps;
    private long notRecovered;
    private String firstError = "";

    private TopicSubscribers(InetSocketAddress server, int subscribers, String topic, int waitSeconds) {
        this.server = server;
        this.subscribers = subscribers;
        this.topic = topic;
        this.waitSeconds = waitSeconds;
    }

    public static void main(String[] args) throws Exception {
        TopicSubscribers clients = new TopicSubscribers(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])),
                Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
        AtomicBoolean stop = new AtomicBoolean();
        Thread stdin = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null && !line.equals("stop")) {
                    // only "stop" means anything
                }
            } catch (IOException ignored) {
                // the parent went away: stop as well
            }
            stop.set(true);
        }, "stdin");
        stdin.setDaemon(true);
        stdin.start();
        clients.run(stop);
        System.out.println("RESULT received=" + clients.freshness.size() + " " + clients.freshness.fields("", 1_000.0)
                + " answers=" + clients.answers + " errors=" + clients.errors + " messages=" + clients.messages
                + " duplicates=" + clients.duplicates + " gaps=" + clients.gaps + " not_recovered=" + clients.notRecovered
                + " first_error=" + clients.firstError.replace(' ', '_'));
        System.out.flush();
    }

    private void run(AtomicBoolean stop) throws IOException {
        try (Selector selector = Selector.open()) {
            Client[] clients = new Client[subscribers];
            int opened = 0;
            boolean ready = false;
            while (!stop.get()) {
                while (opened < subscribers && opened - answeredOnce < CONNECT_STEP) {
                    clients[opened] = new Client(opened);
                    connect(selector, clients[opened]);
                    opened++;
                }
                if (!ready && answeredOnce == subscribers) {
                    ready = true;
                    System.out.println("ready");
                    System.out.flush();
                }
                selector.select(5);
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    handle(selector, key);
                }
                while (!toSend.isEmpty()) {
                    send(selector, toSend.poll());
                }
            }
            for (Client c : clients) {
                if (c != null && c.channel != null) {
                    c.channel.close();
                }
            }
        }
    }

    private void connect(Selector selector, Client c) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.channel = channel;
        boolean connected = channel.connect(server);
        c.key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, c);
        if (connected) {
            toSend.add(c);
        }
    }

    private void handle(Selector selector, SelectionKey key) throws IOException {
        Client c = (Client) key.attachment();
        try {
            if (key.isConnectable()) {
                if (c.channel.finishConnect()) {
                    c.key.interestOps(0);
                    toSend.add(c);
                }
            } else if (key.isWritable()) {
                write(c);
            } else if (key.isReadable()) {
                read(c);
            }
        } catch (IOException e) {
            fail(c, e.toString());
            reconnect(selector, c);
        }
    }

    private void send(Selector selector, Client c) throws IOException {
        StringBuilder path = new StringBuilder("/api/message/index?topics=").append(topic);
        if (c.cursor != null) {
            path.append("&cursor=").append(URLEncoder.encode(c.cursor, StandardCharsets.UTF_8));
            path.append("&wait=").append(waitSeconds); // the first poll answers at once: it fetches the cursor
        }
        c.request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        c.response.clear();
        try {
            write(c);
        } catch (IOException e) {
            fail(c, e.toString());
            reconnect(selector, c);
        }
    }

    private void write(Client c) throws IOException {
        c.channel.write(c.request);
        c.key.interestOps(c.request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Client c) throws IOException {
        if (!c.response.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(c.response.capacity() * 2);
            c.response.flip();
            bigger.put(c.response);
            c.response = bigger;
        }
        if (c.channel.read(c.response) < 0) {
            throw new IOException("the server closed the connection");
        }
        String answer = complete(c.response);
        if (answer != null) {
            c.key.interestOps(0);
            answered(c, answer);
        }
    }

    private void answered(Client c, String answer) {
        long receivedMicros = SendStamp.nowMicros();
        answers++;
        if (!answer.startsWith("HTTP/1.1 200")) {
            fail(c, answer.lines().findFirst().orElse(answer));
            toSend.add(c);
            return;
        }
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        Matcher m = MESSAGE.matcher(body);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            if (id <= c.lastId) {
                duplicates++;
                continue;
            }
            if (c.cursor != null && id > c.lastId + 1) {
                gaps += id - c.lastId - 1;
            }
            c.lastId = id;
            messages++;
            freshness.add(receivedMicros - Long.parseLong(m.group(2)));
        }
        Matcher cursor = CURSOR.matcher(body);
        if (cursor.find()) {
            if (c.cursor == null) {
                answeredOnce++;
            }
            c.cursor = cursor.group(1);
        }
        if (body.contains("\"recovered\":false")) {
            notRecovered++;
        }
        toSend.add(c); // long-poll: the next poll leaves as soon as an answer is in
    }

    private void reconnect(Selector selector, Client c) throws IOException {
        c.key.cancel();
        c.channel.close();
        connect(selector, c);
    }

    private void fail(Client c, String what) {
        errors++;
        if (firstError.isEmpty()) {
            firstError = "subscriber " + c.index + ": " + what;
        }
    }

    /** The whole answer once its headers and Content-Length bytes are in, else null. */
    private static String complete(ByteBuffer response) {
        byte[] bytes = response.array();
        int length = response.position();
        int end = -1;
        for (int i = 3; i < length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        String headers = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        int contentLength = 0;
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        if (length < end + contentLength) {
            return null;
        }
        return headers + new String(bytes, end, contentLength, StandardCharsets.UTF_8);
    }

    private static final class Client {
        final int index;
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer request;
        ByteBuffer response = ByteBuffer.allocate(4096);
        String cursor;
        long lastId;

        Client(int index) {
            this.index = index;
        }
    }
}

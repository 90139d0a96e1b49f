package io.appmessage.benchmarks.topics;

import static io.appmessage.benchmarks.load.Bytes.ascii;
import static io.appmessage.benchmarks.load.Bytes.find;
import static io.appmessage.benchmarks.load.Bytes.number;

import io.appmessage.benchmarks.delivery.Percentiles;
import io.appmessage.benchmarks.load.Bytes;
import io.appmessage.benchmarks.load.PollConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client JVM of {@link TopicFanOutBenchmark}: {@code subscribers} anonymous clients on one thread (raw NIO,
 * one keep-alive {@link PollConnection} each), every one long-polling one topic with its cursor and dropping
 * repeats by id. Prints {@code ready} once every client has an answer (so a cursor) and a held poll.
 *
 * <p>Stdin: {@code ack <id> <micros> <measured>} tells when the publish of message {@code id} was acknowledged
 * (wall-clock µs; {@code measured} 0 for a warm-up publish); {@code stop} ends the run with one {@code RESULT}
 * line: freshness = the time the last byte of a subscriber's answer was read − its publish's acknowledgement,
 * over every measured publish, and, as a check of the generator itself, this thread's CPU time per answer
 * ({@code client_us_per_answer}: read, parse from the answer's end, the next poll's write). {@code mark} prints a
 * {@code STEP} line ({@link StepCounts}) for what arrived since the last mark (the paced mode; its fifth argument
 * {@code paced} keeps no per-message record). A separate process: one process cannot hold both ends of 10,000
 * connections under a 20,000 open-file limit.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.appmessage.benchmarks.topics.TopicSubscribers 18080 10000 bench:1 25 [paced]
 * }</pre>
 */
public final class TopicSubscribers {

    private static final byte[] MESSAGES = ascii("\"messages\":[");
    private static final byte[] MESSAGE = ascii("{\"id\":");
    private static final byte[] STAMP = ascii("\"t\":");
    private static final byte[] CURSOR = ascii("\"cursor\":\"");
    private static final byte[] QUOTE = ascii("\"");
    private static final byte[] NOT_RECOVERED = ascii("\"recovered\":false");
    /** Connects in flight at once: the server's accept backlog is never flooded. */
    private static final int CONNECT_STEP = 500;

    private final InetSocketAddress server;
    private final int subscribers;
    private final String topic;
    private final int waitSeconds;
    /** Message id → [acknowledged at µs, measured 0/1], from the publisher. */
    private final Map<Long, long[]> acks = new ConcurrentHashMap<>();
    private final ArrayDeque<Subscriber> toSend = new ArrayDeque<>();
    /** Null in the paced mode, whose steps count for themselves: millions of messages are not kept. */
    private final Receipts receipts;
    private final Percentiles sincePublish = new Percentiles();
    private long received;
    private int answeredOnce;
    private long answers;
    private long errors;
    private long duplicates;
    private long gaps;
    private long notRecovered;
    private String firstError = "";
    /** The paced mode's current step; a {@code mark} on stdin prints it and starts the next. */
    private StepCounts step = new StepCounts();
    private volatile boolean markAsked;
    /** The request for the last cursor seen: after a publish every subscriber asks with the same one. */
    private String lastCursor;
    private byte[] lastRequest;

    private TopicSubscribers(InetSocketAddress server, int subscribers, String topic, int waitSeconds, boolean paced) {
        this.receipts = paced ? null : new Receipts();
        this.server = server;
        this.subscribers = subscribers;
        this.topic = topic;
        this.waitSeconds = waitSeconds;
    }

    public static void main(String[] args) throws Exception {
        TopicSubscribers clients = new TopicSubscribers(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])),
                Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]), args.length > 4 && args[4].equals("paced"));
        AtomicBoolean stop = new AtomicBoolean();
        Thread stdin = new Thread(() -> clients.readCommands(stop), "stdin");
        stdin.setDaemon(true);
        stdin.start();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        clients.run(stop);
        long cpuNanos = cpu.getCurrentThreadCpuTime();
        System.out.println(clients.result(cpuNanos));
        System.out.flush();
    }

    private void readCommands(AtomicBoolean stop) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                String[] parts = line.split(" ");
                if (line.equals("mark")) {
                    markAsked = true;
                } else if (parts.length == 4 && parts[0].equals("ack")) {
                    acks.put(Long.parseLong(parts[1]), new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
                }
            }
        } catch (IOException ignored) {
            // the parent went away: stop as well
        }
        stop.set(true);
    }

    private String result(long cpuNanos) {
        Receipts.Matched m = receipts != null ? receipts.sinceAck(acks) : new Receipts().sinceAck(acks);
        Percentiles sinceAck = m.sinceAck();
        long beforeAck = m.beforeAck();
        long unmatched = m.unmatched();
        return String.format(Locale.ROOT, "RESULT measured=%d %s %s answers=%d errors=%d messages=%d duplicates=%d"
                        + " gaps=%d not_recovered=%d before_ack=%d unacked=%d client_cpu_s=%.2f client_us_per_answer=%.1f"
                        + " first_error=%s", sinceAck.size(), sinceAck.fields("freshness_", 1_000.0),
                sincePublish.fields("since_publish_start_", 1_000.0), answers, errors, received, duplicates, gaps,
                notRecovered, beforeAck, unmatched, cpuNanos / 1e9, answers == 0 ? 0 : cpuNanos / 1e3 / answers,
                firstError.replace(' ', '_'));
    }

    private void run(AtomicBoolean stop) throws IOException {
        try (Selector selector = Selector.open()) {
            Subscriber[] all = new Subscriber[subscribers];
            int opened = 0;
            boolean ready = false;
            while (!stop.get()) {
                while (opened < subscribers && opened - answeredOnce < CONNECT_STEP) {
                    all[opened] = new Subscriber(opened, server);
                    if (all[opened].connection.connect(selector)) {
                        toSend.add(all[opened]);
                    }
                    opened++;
                }
                if (markAsked) {
                    markAsked = false;
                    System.out.println(step.line());
                    System.out.flush();
                    step = new StepCounts();
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
            for (Subscriber s : all) {
                if (s != null) {
                    s.connection.close();
                }
            }
        }
    }

    private void handle(Selector selector, SelectionKey key) throws IOException {
        Subscriber s = (Subscriber) key.attachment();
        try {
            if (key.isConnectable()) {
                if (s.connection.finishConnect()) {
                    toSend.add(s);
                }
            } else {
                if (key.isWritable()) {
                    s.connection.write();
                }
                if (key.isReadable() && s.connection.read()) {
                    answered(s);
                }
            }
        } catch (IOException e) {
            fail(s, e.toString());
            if (s.connection.reconnect(selector)) {
                toSend.add(s);
            }
        }
    }

    private void send(Selector selector, Subscriber s) throws IOException {
        try {
            s.connection.send(request(s.cursor));
        } catch (IOException e) {
            fail(s, e.toString());
            if (s.connection.reconnect(selector)) {
                toSend.add(s);
            }
        }
    }

    /** The first poll answers at once (it fetches the cursor); every later one waits. */
    private byte[] request(String cursor) {
        if (cursor != null && cursor.equals(lastCursor)) {
            return lastRequest;
        }
        StringBuilder path = new StringBuilder("/api/message/index?topics=").append(topic);
        if (cursor != null) {
            path.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8)).append("&wait=").append(waitSeconds);
        }
        byte[] bytes = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        if (cursor != null) {
            lastCursor = cursor;
            lastRequest = bytes;
        }
        return bytes;
    }

    private void answered(Subscriber s) {
        long receivedMicros = s.connection.receivedMicros();
        answers++;
        if (s.connection.status() != 200) {
            fail(s, s.connection.statusLine());
            toSend.add(s);
            return;
        }
        // parsed from the bytes, from the end: the delivery fields follow the handlers' data, so the scan skips it
        byte[] bytes = s.connection.bytes();
        int end = s.connection.end();
        int body = s.connection.bodyStart();
        int messages = Bytes.findLast(bytes, end, body, MESSAGES);
        int cursorAt = messages < 0 ? -1 : find(bytes, end, messages, CURSOR);
        int messagesEnd = cursorAt < 0 ? end : cursorAt;
        for (int at = messages < 0 ? -1 : find(bytes, messagesEnd, messages, MESSAGE); at >= 0;
             at = find(bytes, messagesEnd, at + 1, MESSAGE)) {
            long id = number(bytes, at + MESSAGE.length);
            if (id <= s.lastId) {
                duplicates++;
                step.duplicates++;
                continue;
            }
            if (s.cursor != null && id > s.lastId + 1) {
                gaps += id - s.lastId - 1;
                step.gaps += id - s.lastId - 1;
            }
            s.lastId = id;
            int t = find(bytes, messagesEnd, at, STAMP);
            long age = t >= 0 ? receivedMicros - number(bytes, t + STAMP.length) : 0;
            if (t >= 0 && receipts != null) {
                sincePublish.add(age);
            }
            step.message(age);
            received++;
            if (receipts != null) {
                receipts.add(id, receivedMicros);
            }
        }
        if (cursorAt >= 0) {
            if (s.cursor == null) {
                answeredOnce++;
            }
            int from = cursorAt + CURSOR.length;
            int to = find(bytes, end, from, QUOTE);
            if (s.cursor == null || !Bytes.same(s.cursor, bytes, from, to)) {
                s.cursor = new String(bytes, from, to - from, StandardCharsets.UTF_8);
            }
            if (find(bytes, end, to, NOT_RECOVERED) >= 0) { // the personal one and each topic's follow the cursor
                notRecovered++;
                step.notRecovered++;
            }
        }
        toSend.add(s); // long-poll: the next poll leaves as soon as an answer is in
    }

    private void fail(Subscriber s, String what) {
        errors++;
        if (firstError.isEmpty()) {
            firstError = "subscriber " + s.index + ": " + what;
        }
    }

    private static final class Subscriber {
        final int index;
        final PollConnection connection;
        String cursor;
        long lastId;

        Subscriber(int index, InetSocketAddress server) {
            this.index = index;
            this.connection = new PollConnection(server, this);
        }
    }
}

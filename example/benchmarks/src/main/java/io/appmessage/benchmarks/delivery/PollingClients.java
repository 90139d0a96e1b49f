package io.appmessage.benchmarks.delivery;

import io.appmessage.benchmarks.load.PollConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many polling clients on one thread: raw NIO keep-alive connections ({@link PollConnection}), one per user {@code u<i>} (token
 * {@code demo-u<i>}, as {@code PollApp}'s authenticator reads it), each polling with its cursor like the
 * mini-program client does, and dropping repeats by id. A JDK HttpClient does not hold 10,000 connections
 * cheaply; the runtime's {@code TenThousandHeldPollsTest} drives its client the same way.
 *
 * <p>Two modes (the comparison the freshness benchmark makes): <b>long-poll</b> ({@code wait=<s>}, the next poll leaves as soon as
 * an answer is in; the first wait is spread over 1..s so that holds do not all expire together, as in a
 * steady state), and <b>interval</b> (a poll every period, each client at its own random phase).
 *
 * <pre>{@code
 * PollingClients clients = PollingClients.longPoll(new InetSocketAddress("127.0.0.1", port), 1_000, 25,
 *         (user, id, sentMicros, receivedMicros) -> freshness.add(receivedMicros - sentMicros));
 * clients.run(() -> done);   // on this thread until done
 * }</pre>
 */
public final class PollingClients {

    /** Told of each new message (repeats by id are dropped first), on the clients' thread. */
    public interface Listener {
        void message(int user, long id, long sentMicros, long receivedMicros);
    }

    private static final String PATH = "/api/message/index";
    private static final Pattern MESSAGE = Pattern.compile("\\{\"id\":(\\d+),\"key\":\"[^\"]*\",\"data\":\\{\"t\":(\\d+)}");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"([^\"]+)\"");
    /** Connects in flight at once: the server's accept backlog is never flooded. */
    private static final int CONNECT_STEP = 500;

    private final InetSocketAddress server;
    private final int users;
    private final int waitSeconds;
    private final long periodNanos;
    private final Listener listener;
    private final SplittableRandom random = new SplittableRandom(42);
    private final PriorityQueue<Client> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
    private Runnable onReady = () -> { };

    // read by other threads only for progress and after run() returns
    private volatile int started;
    private volatile long answers;
    private volatile long heldAnswers;
    private volatile long errors;
    private volatile long messages;
    private volatile long duplicates;
    private volatile long gaps;
    private volatile long notRecovered;
    private String firstError = "";

    private PollingClients(InetSocketAddress server, int users, int waitSeconds, long periodNanos, Listener listener) {
        this.server = server;
        this.users = users;
        this.waitSeconds = waitSeconds;
        this.periodNanos = periodNanos;
        this.listener = listener;
    }

    /** Clients that hold a poll of up to {@code waitSeconds} and poll again as soon as it answers. */
    public static PollingClients longPoll(InetSocketAddress server, int users, int waitSeconds, Listener listener) {
        return new PollingClients(server, users, waitSeconds, 0, listener);
    }

    /** Clients that poll every {@code periodMillis}, each at a random phase, without {@code wait}. */
    public static PollingClients interval(InetSocketAddress server, int users, long periodMillis, Listener listener) {
        return new PollingClients(server, users, 0, periodMillis * 1_000_000L, listener);
    }

    /** Runs once, on the clients' thread, when every client has sent its first poll. */
    public PollingClients onReady(Runnable action) {
        this.onReady = action;
        return this;
    }

    /** Runs the clients on the calling thread until {@code stop} says so (checked every few ms). */
    public void run(BooleanSupplier stop) throws IOException {
        try (Selector selector = Selector.open()) {
            Client[] clients = new Client[users];
            int opened = 0;
            boolean ready = false;
            while (!stop.getAsBoolean()) {
                while (opened < users && opened - started < CONNECT_STEP) {
                    clients[opened] = new Client(opened);
                    connect(selector, clients[opened]);
                    opened++;
                }
                if (!ready && started == users) {
                    ready = true;
                    onReady.run();
                }
                long now = System.nanoTime();
                Client next = due.peek();
                long timeoutMillis = next == null ? 5 : Math.max(0, (next.dueNanos - now) / 1_000_000);
                if (timeoutMillis == 0) {
                    selector.selectNow();
                } else {
                    selector.select(Math.min(timeoutMillis, 5));
                }
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    handle(selector, key);
                }
                now = System.nanoTime();
                while (!due.isEmpty() && due.peek().dueNanos <= now) {
                    send(selector, due.poll());
                }
            }
            for (Client c : clients) {
                if (c != null) {
                    c.connection.close();
                }
            }
        }
    }

    private void connect(Selector selector, Client c) throws IOException {
        if (c.connection.connect(selector)) {
            connected(c);
        }
    }

    private void connected(Client c) {
        if (c.polls == 0) {
            // the first poll leaves at once (so every client holds a cursor before the measurement starts)
            c.dueNanos = System.nanoTime();
        } else {
            c.dueNanos = Math.max(c.dueNanos, System.nanoTime()); // a reconnect keeps its schedule
        }
        due.add(c);
    }

    private void handle(Selector selector, SelectionKey key) throws IOException {
        Client c = (Client) key.attachment();
        try {
            if (key.isConnectable()) {
                if (c.connection.finishConnect()) {
                    connected(c);
                }
                return;
            }
            if (key.isWritable() && c.connection.write()) {
                sent(c);
            }
            if (key.isReadable() && c.connection.read()) {
                answered(c);
            }
        } catch (IOException e) {
            fail(c, e.toString());
            reconnect(selector, c);
        }
    }

    private void send(Selector selector, Client c) {
        StringBuilder path = new StringBuilder(PATH);
        char separator = '?';
        if (c.cursor != null) {
            path.append(separator).append("cursor=").append(URLEncoder.encode(c.cursor, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (waitSeconds > 0) {
            // the first hold is spread over 1..wait s: in a steady state holds do not all end together
            int wait = c.polls == 0 ? 1 + random.nextInt(waitSeconds) : waitSeconds;
            path.append(separator).append("wait=").append(wait);
        }
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Access-Token: demo-u" + c.user
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            if (c.connection.send(request)) {
                sent(c);
            }
        } catch (IOException e) {
            fail(c, e.toString());
            try {
                reconnect(selector, c);
            } catch (IOException again) {
                throw new IllegalStateException("cannot reconnect to " + server + ": " + again, again);
            }
        }
    }

    private void sent(Client c) {
        started += c.polls++ == 0 ? 1 : 0;
    }

    private void answered(Client c) {
        long receivedMicros = c.connection.receivedMicros();
        answers++;
        long now = System.nanoTime();
        if (c.connection.status() != 200) {
            fail(c, c.connection.statusLine());
            c.dueNanos = now + 1_000_000_000L; // back off a second, as the client does after an error
            due.add(c);
            return;
        }
        String body = c.connection.body();
        int messagesAt = body.indexOf("\"messages\":[");
        if (messagesAt >= 0) {
            Matcher m = MESSAGE.matcher(body).region(messagesAt, body.length());
            while (m.find()) {
                long id = Long.parseLong(m.group(1));
                if (id <= c.lastId) {
                    duplicates++;
                    continue;
                }
                if (id > c.lastId + 1 && c.lastId > 0) {
                    gaps += id - c.lastId - 1;
                }
                c.lastId = id;
                messages++;
                listener.message(c.user, id, Long.parseLong(m.group(2)), receivedMicros);
            }
            Matcher cursor = CURSOR.matcher(body).region(messagesAt, body.length());
            if (cursor.find()) {
                c.cursor = cursor.group(1);
            }
        }
        if (body.contains("\"recovered\":false")) {
            notRecovered++;
        }
        if (body.contains("\"wait\":")) {
            heldAnswers++;
        }
        if (waitSeconds > 0) {
            c.dueNanos = now;
        } else if (c.polls == 1) {
            c.dueNanos = now + random.nextLong(periodNanos); // the client's own phase
        } else {
            c.dueNanos = Math.max(now, c.dueNanos + periodNanos);
        }
        due.add(c);
    }

    private void reconnect(Selector selector, Client c) throws IOException {
        c.dueNanos = System.nanoTime() + 100_000_000L;
        if (c.connection.reconnect(selector)) {
            connected(c);
        }
    }

    private void fail(Client c, String what) {
        errors++;
        if (firstError.isEmpty()) {
            firstError = "user u" + c.user + ": " + what;
        }
    }

    /** Clients that sent their first poll. */
    public int started() {
        return started;
    }

    /** {@code answers=… held=… errors=… messages=… duplicates=… gaps=… not_recovered=…} for a RESULT line. */
    public String counters() {
        return "answers=" + answers + " held=" + heldAnswers + " errors=" + errors + " messages=" + messages
                + " duplicates=" + duplicates + " gaps=" + gaps + " not_recovered=" + notRecovered;
    }

    public long messages() {
        return messages;
    }

    public long errors() {
        return errors;
    }

    /** The first error seen (empty when none), for the log. */
    public String firstError() {
        return firstError;
    }

    private final class Client {
        final int user;
        final PollConnection connection = new PollConnection(server, this);
        String cursor;
        long lastId;
        long polls;
        long dueNanos;

        Client(int user) {
            this.user = user;
        }
    }
}

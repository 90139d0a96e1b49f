package io.appmessage.spring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real HTTP against 127.0.0.1: the JDK client for answers, a raw socket for a client that goes away. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"([^\"]*)\"");

    private Http() {
    }

    static HttpRequest.Builder request(int port, String pathAndQuery, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(int port, String pathAndQuery, String... headers) {
        return send(request(port, pathAndQuery, headers).GET().build());
    }

    static CompletableFuture<HttpResponse<String>> getAsync(int port, String pathAndQuery, String... headers) {
        return CLIENT.sendAsync(request(port, pathAndQuery, headers).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The same request sent to another port of 127.0.0.1. */
    static HttpRequest retarget(HttpRequest probe, int port) {
        URI uri = probe.uri();
        URI target = URI.create("http://127.0.0.1:" + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        return HttpRequest.newBuilder(probe, (name, value) -> true).uri(target).build();
    }

    static String cursorOf(String body) {
        Matcher m = CURSOR.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no cursor in " + body);
        }
        return m.group(1);
    }

    /** Opens a connection and sends one GET without reading the answer; closing it is the client going away. */
    static Socket openGet(int port, String pathAndQuery, String... headers) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        StringBuilder head = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Waits up to {@code timeout} for {@code condition}; false when it never held. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}

package io.appmessage.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Real HTTP on loopback: the JDK client, and raw sockets for what a client library will not send. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {
    }

    static URI uri(AppMessageServer server, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    static HttpRequest.Builder request(AppMessageServer server, String pathAndQuery) {
        return HttpRequest.newBuilder(uri(server, pathAndQuery)).timeout(Duration.ofSeconds(20));
    }

    static HttpResponse<String> get(AppMessageServer server, String pathAndQuery, String... headers) {
        HttpRequest.Builder b = request(server, pathAndQuery).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    static CompletableFuture<HttpResponse<String>> getAsync(AppMessageServer server, String pathAndQuery, String... headers) {
        HttpRequest.Builder b = request(server, pathAndQuery).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Writes {@code raw} bytes on a fresh connection and reads until the server closes it (or 10 s pass). */
    static String raw(AppMessageServer server, String raw) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readUntilClosed(socket.getInputStream());
        }
    }

    static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buffer.write(chunk, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer still leaves the answer readable
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}

package io.appmessage.benchmarks.apps;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of the HTTP benchmarks: Undertow answering the poll path with
 * fixed bytes, the example's own answer captured by {@code run.sh} ({@code BODY_FILE}), with the
 * runtime's listener, thread and timeout settings. It answers straight from the I/O thread, or,
 * with {@code BARE_DISPATCH=worker}, after the same hop to the worker pool the runtime makes (so
 * the HTTP figures can tell the cost of that hop from the cost of AppMessage's own work).
 *
 * <pre>{@code
 * PORT=18080 BODY_FILE=target/poll-answer.json java -jar target/bare-undertow.jar
 * }</pre>
 */
public final class BareUndertowApp {

    /** A typical anonymous poll answer, used when no {@code BODY_FILE} is given. */
    static final String DEFAULT_BODY = "{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\","
            + "\"buy_data\":{\"nickname\":\"小明\",\"avatar\":\"https://example.com/a/1.png\",\"goods_name\":\"保温杯\",\"ago\":\"3分钟前\"},"
            + "\"plugin_wxapp_test\":\"测试插件消息\",\"plugin_wxapp_test2\":{\"list\":[\"aaa\",\"bbb\",\"ccc\"]}}}";

    private BareUndertowApp() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        ServerSettings settings = ServerSettings.fromEnvironment();
        String bodyFile = System.getenv("BODY_FILE");
        byte[] body = bodyFile == null || bodyFile.isBlank()
                ? DEFAULT_BODY.getBytes(StandardCharsets.UTF_8)
                : Files.readAllBytes(Path.of(bodyFile));
        Undertow server = start(settings, body, "worker".equals(System.getenv("BARE_DISPATCH")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "bare-undertow-stop"));
        System.out.println("bare undertow listening on http://" + settings.host() + ":" + settings.port() + settings.path()
                + " (" + body.length + " bytes per answer, " + ("worker".equals(System.getenv("BARE_DISPATCH")) ? "worker" : "I/O") + " thread)");
    }

    /** Starts the server; {@code body} is answered to every request on the poll path. */
    public static Undertow start(ServerSettings settings, byte[] body, boolean onWorker) {
        ByteBuffer answer = ByteBuffer.allocateDirect(body.length).put(body).flip();
        HttpHandler direct = exchange -> answer(exchange, settings.path(), answer);
        HttpHandler handler = onWorker
                ? exchange -> {
                    if (exchange.isInIoThread()) {
                        exchange.dispatch(direct);
                    } else {
                        direct.handleRequest(exchange);
                    }
                }
                : direct;
        // The runtime's default settings, so only the per-poll work differs.
        Undertow server = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setIoThreads(settings.ioThreads())
                .setWorkerThreads(settings.workerThreads())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, 90_000)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
                .setServerOption(UndertowOptions.MAX_HEADERS, 100)
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setHandler(handler)
                .build();
        server.start();
        return server;
    }

    private static void answer(HttpServerExchange exchange, String path, ByteBuffer answer) {
        if (!exchange.getRequestPath().equals(path)) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(answer.duplicate());
    }
}

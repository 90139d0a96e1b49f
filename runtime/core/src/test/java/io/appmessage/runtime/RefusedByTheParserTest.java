package io.appmessage.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the standalone server's HTTP parser refuses before any handler runs, sent as raw bytes over a socket
 * (no client library that would re-encode them): each is answered 400 with the envelope, naming the fault and
 * the parameter where the request line shows them, and the connection is closed. The other bad inputs of the
 * query still get the poll path's own envelopes, and the server keeps serving.
 */
class RefusedByTheParserTest {

    private static final String BAD_ESCAPE = "malformed query string: '%' must be followed by two hex digits";
    private static final String UNENCODED = "malformed query string: a quote, '<', '>', '\\', '^', '`', '{', '|', '}',"
            + " a control character or a non-ASCII byte must be percent-encoded";
    private static final String UNPARSABLE = "malformed request: the request line or the headers cannot be parsed"
            + " (too long, too many, or not HTTP/1.1)";

    @Test
    void everyBadQuery_getsThe400Envelope_namingTheParameter() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("cursor=%zz", BAD_ESCAPE + " (parameter 'cursor')");
        expected.put("wait=5&cursor=%4", BAD_ESCAPE + " (parameter 'cursor')");
        expected.put("%zz=1", BAD_ESCAPE + " (parameter '')");
        expected.put("a%2=1", BAD_ESCAPE + " (parameter 'a')");
        expected.put("cursor={1}", UNENCODED + " (parameter 'cursor')");
        expected.put("name=\"x\"", UNENCODED + " (parameter 'name')");
        expected.put("cursor=caf\u00c3\u00a9", UNENCODED + " (parameter 'cursor')"); // raw UTF-8 bytes of "café"
        // refused by the poll path itself, as before
        expected.put("cursor=%C3%28", "malformed query string: percent-encoded bytes are not UTF-8");
        expected.put("cursor=1&cursor=2", "query parameter 'cursor' given more than once");
        expected.put("wait=soon", "query parameter 'wait' must be a number of seconds, 0 or more");
        expected.put("a=1&b=2&c=3&d=4&e=5&f=6", "too many query parameters (at most 5)");
        try (AppMessageServer server = Servers.builder(Delivery.seedRegistry()).maxParameters(5).build().start()) {
            for (Map.Entry<String, String> each : expected.entrySet()) {
                String answer = raw(server, "GET /api/message/index?" + each.getKey()
                        + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
                assertEnvelope(answer, each.getValue());
            }
            assertThat(raw(server, "GET /api/message/index HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void whatTheParserCannotReadAtAll_getsTheEnvelopeWithoutAParameter() throws Exception {
        try (AppMessageServer server = Servers.builder(Delivery.seedRegistry()).maxHeaderBytes(1024).build().start()) {
            assertEnvelope(raw(server, "HELLO\r\n\r\n"), UNPARSABLE);
            assertEnvelope(raw(server, "GET /api/message/index HTTP/1.1 extra\r\nHost: t\r\n\r\n"), UNPARSABLE);
            assertEnvelope(raw(server, "GET /api/message/index HTTP/1.1\r\nHost: t\r\nX-Big: " + "x".repeat(2000)
                    + "\r\n\r\n"), UNPARSABLE);
            assertEnvelope(raw(server, "GET /api/message/%zz HTTP/1.1\r\nHost: t\r\n\r\n"), UNPARSABLE);
            assertEnvelope(raw(server, "GET /api/message/index HTTP/1.1\r\nHost: t\r\n"
                    + "X-H: 1\r\n".repeat(120) + "\r\n"), UNPARSABLE);
            assertEnvelope(raw(server, "POST /api/message/index HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n"),
                    UNPARSABLE);
            assertEnvelope(raw(server, "POST /api/message/index HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n"
                    + "Content-Length: 2\r\n\r\nab"), UNPARSABLE);
            assertEnvelope(raw(server, "GET /api/message/index HTTP/1.1\r\nHost: t\r\nBad Name: 1\r\n\r\n"),
                    UNPARSABLE);
            assertEnvelope(raw(server, "POST /api/message/index HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Length: 3\r\n\r\n0\r\n\r\n"), UNPARSABLE);
        }
    }

    @Test
    void aBadRequestAfterAGoodOneOnTheSameConnection_getsItsOwnEnvelope() throws Exception {
        try (AppMessageServer server = Servers.builder(Delivery.seedRegistry()).build().start();
             Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /api/message/index?cursor=%7A HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String first = readOneAnswer(in);
            assertThat(first).startsWith("HTTP/1.1 200");
            out.write("GET /api/message/index?wait=0&cursor=%zz HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEnvelope(new String(in.readAllBytes(), StandardCharsets.UTF_8), BAD_ESCAPE + " (parameter 'cursor')");
        }
    }

    /** One answer with a Content-Length, read byte by byte so that nothing of the next is taken. */
    private static String readOneAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (!got.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            got.write(in.read());
        }
        String head = got.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        assertThat(length.find()).as(head).isTrue();
        return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
    }

    private static void assertEnvelope(String answer, String message) {
        assertThat(answer).as(message).startsWith("HTTP/1.1 400 ");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).contains("content-type: application/json; charset=utf-8").contains("cache-control: no-store");
        Map<String, Object> envelope = Json.object(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(envelope).containsEntry("code", 400L).containsEntry("msg", message).containsEntry("data", null);
        assertThat(answer).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Sends bytes as they are (ISO-8859-1: one byte per char) and reads until the server closes. */
    private static String raw(AppMessageServer server, String request) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[4096];
            try {
                for (int n; (n = in.read(chunk)) >= 0; ) {
                    got.write(chunk, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // a reset after the answer still leaves the answer readable
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }
}

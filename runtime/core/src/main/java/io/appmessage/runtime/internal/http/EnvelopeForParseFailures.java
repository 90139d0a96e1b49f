package io.appmessage.runtime.internal.http;

import org.xnio.StreamConnection;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The 400 envelope for requests Undertow's parser refuses before any handler runs. Undertow answers those with
 * fixed bytes (a status line, {@code Content-Length: 0}, {@code Connection: close}) and closes the connection;
 * these conduits, at the bottom of each connection, replace exactly those bytes with the envelope, whose
 * message names the fault and the parameter when the request line shows it ({@link RequestLineProblem}).
 * Everything else passes through untouched.
 */
final class EnvelopeForParseFailures {

    /** What Undertow writes when it cannot parse a request (io.undertow.server.protocol.http.HttpReadListener). */
    static final byte[] UNDERTOW_BAD_REQUEST =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final String UNPARSABLE = "malformed request: the request line or the headers cannot be parsed"
            + " (too long, too many, or not HTTP/1.1)";

    private EnvelopeForParseFailures() {
    }

    /** Puts the conduits under a connection Undertow is about to serve. */
    static void wrap(StreamConnection connection) {
        RequestLines lines = new RequestLines(connection.getSourceChannel().getConduit());
        connection.getSourceChannel().setConduit(lines);
        connection.getSinkChannel().setConduit(new Answers(connection.getSinkChannel().getConduit(), lines));
    }

    /** The complete HTTP answer for {@code message}. */
    static byte[] answer(String message) {
        byte[] body = ("{\"code\":400,\"msg\":\"" + message.replace("\\", "\\\\") + "\",\"data\":null}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
                + "Connection: close\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head8.length + body.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(body, 0, all, head8.length, body.length);
        return all;
    }

    /** Reads through, remembering what is wrong with the last request line that arrived, if anything. */
    static final class RequestLines extends AbstractStreamSourceConduit<StreamSourceConduit> {
        /** IO thread only: reads, parsing and the refusal all run there. */
        private String problem;

        RequestLines(StreamSourceConduit next) {
            super(next);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int from = dst.position();
            int n = next.read(dst);
            if (n > 0) {
                String found = RequestLineProblem.of(dst, from, from + n);
                if (found != null || startsWithUpperCase(dst, from)) {
                    problem = found; // a new request line: its own verdict replaces the last one
                }
            }
            return n;
        }

        private static boolean startsWithUpperCase(ByteBuffer bytes, int at) {
            byte b = bytes.get(at);
            return b >= 'A' && b <= 'Z';
        }

        String problem() {
            return problem;
        }
    }

    /** Writes through, except Undertow's bare 400, which becomes the envelope. */
    static final class Answers extends AbstractStreamSinkConduit<StreamSinkConduit> {
        private final RequestLines lines;
        private ByteBuffer pending;

        Answers(StreamSinkConduit next, RequestLines lines) {
            super(next);
            this.lines = lines;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (pending != null && !drain()) {
                return 0;
            }
            if (!isUndertowBadRequest(src)) {
                return next.write(src);
            }
            int taken = src.remaining();
            src.position(src.limit());
            String problem = lines.problem();
            pending = ByteBuffer.wrap(answer(problem == null ? UNPARSABLE : problem));
            drain();
            return taken;
        }

        @Override
        public boolean flush() throws IOException {
            return (pending == null || drain()) && next.flush();
        }

        private boolean drain() throws IOException {
            next.write(pending);
            if (pending.hasRemaining()) {
                return false;
            }
            pending = null;
            return true;
        }

        private static boolean isUndertowBadRequest(ByteBuffer src) {
            if (src.remaining() != UNDERTOW_BAD_REQUEST.length) {
                return false;
            }
            for (int i = 0; i < UNDERTOW_BAD_REQUEST.length; i++) {
                if (src.get(src.position() + i) != UNDERTOW_BAD_REQUEST[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}

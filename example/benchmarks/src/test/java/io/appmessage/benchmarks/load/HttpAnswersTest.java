package io.appmessage.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where an answer ends, as the raw-NIO load clients read it from a keep-alive connection. */
class HttpAnswersTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void contentLength_endsAfterTheBody_andNotBeforeItIsIn() {
        String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 7\r\n\r\n{\"a\":1}";
        byte[] whole = bytes(answer + "HTTP/1.1 200 OK\r\n"); // the next answer already began

        assertThat(HttpAnswers.end(whole, whole.length)).isEqualTo(answer.length());
        assertThat(HttpAnswers.end(whole, answer.length() - 1)).isEqualTo(-1);
        assertThat(HttpAnswers.status(whole)).isEqualTo(200);
        assertThat(HttpAnswers.body(whole, answer.length())).isEqualTo("{\"a\":1}");
        assertThat(HttpAnswers.statusLine(whole, answer.length())).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void chunked_endsAfterTheLastChunk() {
        String answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n{\"a\":1}\r\n0\r\n\r\n";
        byte[] b = bytes(answer);

        assertThat(HttpAnswers.end(b, b.length)).isEqualTo(b.length);
        assertThat(HttpAnswers.end(b, b.length - 2)).isEqualTo(-1);
    }

    @Test
    void noBody_endsAfterTheHeaders_andAHalfHeaderIsIncomplete() {
        byte[] b = bytes("HTTP/1.1 304 Not Modified\r\nETag: x\r\n\r\n");

        assertThat(HttpAnswers.end(b, b.length)).isEqualTo(b.length);
        assertThat(HttpAnswers.status(b)).isEqualTo(304);
        assertThat(HttpAnswers.end(b, 20)).isEqualTo(-1);
    }

    @Test
    void bytes_readNumbersAndTextWithoutAString() {
        byte[] b = bytes("{\"id\":42,\"cursor\":\"e-42~bench:1!42\"}");
        int at = Bytes.find(b, b.length, 0, Bytes.ascii("{\"id\":"));

        assertThat(Bytes.number(b, at + 6)).isEqualTo(42);
        int from = Bytes.find(b, b.length, 0, Bytes.ascii("\"cursor\":\"")) + 10;
        int to = Bytes.find(b, b.length, from, Bytes.ascii("\""));
        assertThat(Bytes.same("e-42~bench:1!42", b, from, to)).isTrue();
        assertThat(Bytes.same("e-41~bench:1!41", b, from, to)).isFalse();
    }
}

package io.appmessage.benchmarks.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.benchmarks.dispatch.DispatchRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON benchmark compares like with like only if both writers produce the same bytes. */
class EnvelopeWritersTest {

    private final StreamingEnvelopeWriter appMessage = StreamingEnvelopeWriter.withWritersOf(DispatchRegistry.generated());
    private final DatabindEnvelopeWriter databind = new DatabindEnvelopeWriter();

    @Test
    void typicalEnvelope_sameBytesFromBothWriters() {
        Map<String, Object> data = TypicalEnvelope.data();

        String ours = new String(appMessage.write(data), StandardCharsets.UTF_8);

        assertThat(ours)
                .startsWith("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\",")
                .contains("\"order_status\":{\"user_id\":\"alice\",\"order_no\":\"A-1001\",\"status\":\"shipped\"}")
                .contains("\"plugin_wxapp_test2\":{\"list\":[\"aaa\",\"bbb\",\"ccc\"]}");
        assertThat(databind.write(data)).isEqualTo(appMessage.write(data));
        try (RuntimeEnvelope runtime = new RuntimeEnvelope(DispatchRegistry.generated(), data)) {
            assertThat(new String(runtime.write(), StandardCharsets.UTF_8)).isEqualTo(ours);
        }
    }

    @Test
    void nothingPushed_dataIsNull() {
        assertThat(new String(appMessage.write(Map.of()), StandardCharsets.UTF_8))
                .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":null}");
        assertThat(databind.write(Map.of())).isEqualTo(appMessage.write(Map.of()));
    }
}

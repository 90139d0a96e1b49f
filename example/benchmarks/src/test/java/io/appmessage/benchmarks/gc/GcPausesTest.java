package io.appmessage.benchmarks.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    @Test
    void unifiedLog_longestPauseAndCount() {
        GcPauses.Summary summary = GcPauses.summarize(List.of(
                "[0.010s][info][gc] Using G1",
                "[1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(64M) 1.250ms",
                "[2.000s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 30M->5M(64M) 12.5ms",
                "[2.100s][info][gc] GC(2) Concurrent Mark Cycle 40.123ms",
                "[3.000s][info][gc] GC(3) Pause Remark 20M->20M(64M) 0.750ms"));

        assertThat(summary.pauses()).isEqualTo(3);
        assertThat(summary.maxMillis()).isEqualTo(12.5);
        assertThat(summary.resultLine()).isEqualTo("RESULT pauses=3 max_pause_ms=12.500 total_pause_ms=14.500");
    }
}

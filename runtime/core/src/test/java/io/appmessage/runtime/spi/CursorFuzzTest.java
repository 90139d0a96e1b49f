package io.appmessage.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * Any text a client sends as its cursor either parses to a cursor that formats back to a text parsing to
 * the same cursor, or is refused (empty) — never an exception. A normal build runs the kept inputs under
 * src/test/resources; {@code JAZZER_FUZZ=1} fuzzes.
 */
class CursorFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyText_parsesToARoundTrippingCursorOrNothing(String text) {
        Optional<Cursor> parsed = Cursor.tryParse(text);
        parsed.ifPresent(cursor -> assertThat(Cursor.tryParse(cursor.format())).contains(cursor));
    }
}

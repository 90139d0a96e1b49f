package io.appmessage.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import io.appmessage.runtime.spi.Cursor;

class CursorTest {

    @Test
    void formatThenParse_givesTheSameCursor() {
        Cursor cursor = new Cursor("9f0c2a6e1b7d4c3a", 42);
        assertThat(cursor.format()).isEqualTo("9f0c2a6e1b7d4c3a-42");
        assertThat(Cursor.parse(cursor.format())).isEqualTo(cursor);
    }

    @Test
    void malformedText_isNotACursor() {
        for (String bad : new String[] {"", "-", "abc", "abc-", "-5", "ab c-5", "abc--5", "abc-5x", "abc-99999999999999999999", null}) {
            assertThat(Cursor.tryParse(bad)).as("%s", bad).isEmpty();
        }
        assertThatThrownBy(() -> Cursor.parse("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<epoch>-<lastId>");
    }
}

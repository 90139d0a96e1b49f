package io.appmessage.runtime.internal.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's configuration table is the declarations, row for row: a setting added, renamed or re-defaulted must show there. */
class SettingsTableTest {

    private static final String BEGIN = "<!-- settings-table:begin";
    private static final String END = "<!-- settings-table:end -->";

    @Test
    void readmeTableMatchesTheDeclarations() throws Exception {
        String readme = Files.readString(Path.of("README.md")); // runtime/core/README.md: surefire runs in the module
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("the settings-table markers in runtime/core/README.md").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String table = readme.substring(readme.indexOf('\n', begin) + 1, end);
        assertThat(table).isEqualTo(Settings.markdownTable());
    }

    @Test
    void everySettingHasAUniqueNameAndVariable() {
        assertThat(Settings.ALL.stream().map(Setting::name).distinct().count()).isEqualTo(Settings.ALL.size());
        assertThat(Settings.ALL.stream().map(Setting::variable).filter(v -> v != null).distinct().count())
                .isEqualTo(Settings.ALL.stream().filter(s -> s.variable() != null).count());
        for (Setting<?> s : Settings.ALL) {
            assertThat(s.doc()).as(s.name()).isNotBlank();
            assertThat(s.variable() == null || s.variable().equals("PORT") || s.variable().startsWith("APPMESSAGE_"))
                    .as(s.name()).isTrue();
        }
    }
}

package io.appmessage.metrics.internal.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's management settings table is the declarations, row for row: a setting added, renamed or re-defaulted must show there. */
class ManagementSettingsTableTest {

    private static final String BEGIN = "<!-- management-settings-table:begin";
    private static final String END = "<!-- management-settings-table:end -->";

    @Test
    void readmeTableMatchesTheDeclarations() throws Exception {
        String readme = Files.readString(Path.of("README.md")); // runtime/metrics/README.md: surefire runs in the module
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("the management-settings-table markers in runtime/metrics/README.md").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String table = readme.substring(readme.indexOf('\n', begin) + 1, end);
        assertThat(table).isEqualTo(ManagementDeclarations.markdownTable());
    }

    @Test
    void everySettingHasAUniqueNameAVariableAndADoc() {
        assertThat(ManagementDeclarations.ALL).hasSize(3);
        assertThat(ManagementDeclarations.ALL.stream().map(Setting::name).distinct().count())
                .isEqualTo(ManagementDeclarations.ALL.size());
        assertThat(ManagementDeclarations.ALL.stream().map(Setting::variable).distinct().count())
                .isEqualTo(ManagementDeclarations.ALL.size());
        for (Setting<?> s : ManagementDeclarations.ALL) {
            assertThat(s.doc()).as(s.name()).isNotBlank();
            assertThat(s.variable()).as(s.name()).startsWith("APPMESSAGE_");
        }
    }
}

package io.appmessage.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad setting fails build() with a message naming the setting and its environment variable; a good override applies. */
class SettingErrorsTest {

    @Test
    void unparsableEnvironmentValue_namesTheVariableTheSettingAndTheRule() {
        assertThatThrownBy(() -> Servers.builder().environment(Map.of("APPMESSAGE_MAX_IN_FLIGHT", "lots")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[AppMessage-Config] environment variable APPMESSAGE_MAX_IN_FLIGHT (setting maxInFlight)"
                        + " must be a whole number > 0, was 'lots'");
        assertThatThrownBy(() -> Servers.builder().environment(Map.of("APPMESSAGE_LONG_POLL", "yes")).build())
                .hasMessageContaining("APPMESSAGE_LONG_POLL (setting longPoll) must be true or false, was 'yes'");
    }

    @Test
    void valueBreakingItsRule_namesTheSettingAndItsVariable() {
        assertThatThrownBy(() -> Servers.builder().port(70_000).build())
                .hasMessage("[AppMessage-Config] setting port (environment variable PORT) must be 0..65535, was 70000");
        assertThatThrownBy(() -> Servers.builder().environment(Map.of("APPMESSAGE_MAX_IN_FLIGHT", "0")).build())
                .hasMessageContaining("setting maxInFlight (environment variable APPMESSAGE_MAX_IN_FLIGHT) must be a whole number > 0");
        assertThatThrownBy(() -> Servers.builder().pollDeadline(Duration.ZERO).build())
                .hasMessageContaining("setting pollDeadline (environment variable APPMESSAGE_POLL_DEADLINE_MS) must be a positive");
    }

    @Test
    void environmentOverridesTheBuilder() {
        try (AppMessageServer server = Servers.builder().maxInFlight(5)
                .environment(Map.of("APPMESSAGE_MAX_IN_FLIGHT", "7", "APPMESSAGE_HEALTH_PATH", "off",
                        "APPMESSAGE_DISABLED_PLUGINS", "a, b,,c"))
                .build()) {
            assertThat(server.settings().maxInFlight()).isEqualTo(7);
            assertThat(server.settings().healthPath()).isNull();
            assertThat(server.settings().disabledPlugins()).containsExactlyInAnyOrder("a", "b", "c");
        }
    }
}

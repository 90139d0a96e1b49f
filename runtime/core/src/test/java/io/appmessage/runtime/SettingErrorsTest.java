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

    @Test
    void corsVariables_areSettingsWhoseErrorsNameTheSettingAndTheVariable() {
        assertThatThrownBy(() -> Servers.builder().environment(Map.of("APPMESSAGE_CORS_MAX_AGE_SECONDS", "soon")).build())
                .hasMessage("[AppMessage-Config] environment variable APPMESSAGE_CORS_MAX_AGE_SECONDS (setting cors.maxAge)"
                        + " must be whole seconds >= 0, was 'soon'");
        assertThatThrownBy(() -> Servers.builder().environment(Map.of("APPMESSAGE_CORS_ALLOWED_ORIGINS", "shop.com")).build())
                .hasMessageStartingWith("[AppMessage-Config] setting cors.allowedOrigins (environment variable"
                        + " APPMESSAGE_CORS_ALLOWED_ORIGINS) must be comma-separated origins scheme://host[:port]")
                .hasMessageEndingWith("was [shop.com]");
        assertThatThrownBy(() -> Servers.builder().environment(Map.of("APPMESSAGE_CORS_ALLOWED_HEADERS", "X-Token, bad header")).build())
                .hasMessageContaining("setting cors.allowedHeaders (environment variable APPMESSAGE_CORS_ALLOWED_HEADERS)"
                        + " must be comma-separated header names");
        assertThatThrownBy(() -> Servers.builder().environment(Map.of("APPMESSAGE_CORS_ALLOW_CREDENTIALS", "yes")).build())
                .hasMessageContaining("APPMESSAGE_CORS_ALLOW_CREDENTIALS (setting cors.credentials) must be true or false");
        assertThatThrownBy(() -> Servers.builder().cors(CorsSettings.allowOrigins("https://m.shop.com").withCredentials())
                .environment(Map.of("APPMESSAGE_CORS_ALLOWED_ORIGINS", "*")).build())
                .hasMessage("[AppMessage-Config] CORS: the origin '*' (setting cors.allowedOrigins, environment variable"
                        + " APPMESSAGE_CORS_ALLOWED_ORIGINS) cannot be combined with credentials (setting cors.credentials,"
                        + " environment variable APPMESSAGE_CORS_ALLOW_CREDENTIALS): list the origins instead");
    }

    @Test
    void corsVariables_overrideTheBuildersCorsPartByPart_andAnEmptyOriginListSwitchesCorsOff() {
        CorsSettings fromCode = CorsSettings.allowOrigins("https://m.shop.com").withCredentials();
        try (AppMessageServer server = Servers.builder().cors(fromCode)
                .environment(Map.of("APPMESSAGE_CORS_MAX_AGE_SECONDS", "30", "APPMESSAGE_CORS_EXPOSED_HEADERS", "Retry-After, X-Trace"))
                .build()) {
            CorsSettings cors = server.settings().cors();
            assertThat(cors.allowedOrigins()).containsExactly("https://m.shop.com");
            assertThat(cors.credentials()).isTrue();
            assertThat(cors.maxAge()).isEqualTo(Duration.ofSeconds(30));
            assertThat(cors.exposedHeaders()).containsExactly("Retry-After", "X-Trace");
            assertThat(cors.allowedHeaders()).isEqualTo(CorsSettings.DEFAULT_ALLOWED_HEADERS);
        }
        try (AppMessageServer server = Servers.builder().cors(fromCode)
                .environment(Map.of("APPMESSAGE_CORS_ALLOWED_ORIGINS", "", "APPMESSAGE_CORS_ALLOW_CREDENTIALS", "false"))
                .build()) {
            assertThat(server.settings().cors().enabled()).isFalse();
            assertThat(server.settings().cors().credentials()).isFalse();
        }
    }

    @Test
    void theSettingsView_showsEverySettingByItsBuilderName() {
        try (AppMessageServer server = Servers.builder().longPollCap(Duration.ofSeconds(20))
                .environment(Map.of("APPMESSAGE_HEALTH_PATH", "off", "APPMESSAGE_EXPECTED_PLUGINS", "")).build()) {
            AppMessageSettings settings = server.settings();
            assertThat(settings.asMap().keySet()).containsExactlyElementsOf(
                    io.appmessage.runtime.internal.config.Settings.ALL.stream()
                            .map(io.appmessage.runtime.internal.config.Setting::name).toList());
            assertThat(settings.asMap()).containsEntry("longPollCap", "20000 ms").containsEntry("healthPath", "off")
                    .containsEntry("host", "127.0.0.1").containsEntry("cors.allowedOrigins", "");
            assertThat(settings.toString()).startsWith("host=127.0.0.1, port=0, path=/api/message/index, healthPath=off,")
                    .contains(", longPollCap=20000 ms,");
            assertThat(settings.longPollCap()).isEqualTo(Duration.ofSeconds(20));
        }
    }
}

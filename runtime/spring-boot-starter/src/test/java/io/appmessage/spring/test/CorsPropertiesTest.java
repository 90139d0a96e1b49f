package io.appmessage.spring.test;

import io.appmessage.runtime.CorsSettings;
import io.appmessage.spring.AppMessageAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code appmessage.cors.*} bound to the standalone server's CORS settings, and its start-up checks. */
class CorsPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AppMessageAutoConfiguration.class))
            .withUserConfiguration(TestApp.AppBeans.class);

    @Test
    void byDefault_corsIsOff() {
        runner.run(context -> assertThat(context.getBean(CorsSettings.class).enabled()).isFalse());
    }

    @Test
    void properties_becomeTheCorsSettings_withTheStandaloneDefaults() {
        runner.withPropertyValues("appmessage.cors.allowed-origins=https://m.shop.com, https://*.shop.com",
                "appmessage.cors.max-age=90").run(context -> {
            CorsSettings cors = context.getBean(CorsSettings.class);
            assertThat(cors.allowedOrigins()).containsExactly("https://m.shop.com", "https://*.shop.com");
            assertThat(cors.allowedHeaders()).isEqualTo(CorsSettings.DEFAULT_ALLOWED_HEADERS)
                    .contains("X-Access-Token", "X-App-Message-Cursor");
            assertThat(cors.exposedHeaders()).containsExactly("Retry-After");
            assertThat(cors.maxAge()).isEqualTo(Duration.ofSeconds(90));
            assertThat(cors.credentials()).isFalse();
        });
    }

    @Test
    void anyOriginWithCredentials_failsStartUp_namingBothProperties() {
        runner.withPropertyValues("appmessage.cors.allowed-origins=*", "appmessage.cors.allow-credentials=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("appmessage.cors.allowed-origins '*'")
                        .hasMessageContaining("appmessage.cors.allow-credentials=true")
                        .hasMessageContaining("list the origins instead"));
    }

    @Test
    void aBadOriginOrHeader_failsStartUp_namingTheProperty() {
        runner.withPropertyValues("appmessage.cors.allowed-origins=shop.com").run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("appmessage.cors.allowed-origins is not valid").hasStackTraceContaining("'shop.com'"));
        runner.withPropertyValues("appmessage.cors.allowed-origins=https://m.shop.com",
                "appmessage.cors.allowed-headers=X-Access-Token,bad header").run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("appmessage.cors.allowed-headers is not valid").hasStackTraceContaining("'bad header'"));
    }
}

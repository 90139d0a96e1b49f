package io.appmessage.spring.test;

import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.spring.AppMessageAutoConfiguration;
import io.appmessage.spring.AppMessageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's application.yml, taken from the README text, starts a context with the settings it shows. */
class ReadmeConfigurationTest {

    @Test
    void readmesApplicationYml_bindsAndStarts() throws Exception {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("README.md", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AppMessageAutoConfiguration.class))
                .withUserConfiguration(TestApp.AppBeans.class)
                .withInitializer(context -> sources.forEach(context.getEnvironment().getPropertySources()::addLast))
                // the one change: keep the data directory under target/
                .withPropertyValues("appmessage.outbox.data-dir=target/outbox-readme-" + System.nanoTime())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(AppMessageServer.class).hasSingleBean(AppMessageOutbox.class);
                    AppMessageProperties properties = context.getBean(AppMessageProperties.class);
                    assertThat(properties.getLongPollCap()).isEqualTo(Duration.ofSeconds(25));
                    assertThat(properties.getDisabledPlugins()).containsExactly("wxapp");
                    assertThat(properties.getOutbox().getStore()).isEqualTo(AppMessageProperties.Store.EMBEDDED);
                });
    }

    /** The starter's README, from this module or from the module that runs these tests on Boot 4. */
    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("README.md"), dir.resolve("runtime/spring-boot-starter/README.md"))) {
                if (Files.exists(candidate) && candidate.getParent().getFileName().toString().equals("spring-boot-starter")) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("runtime/spring-boot-starter/README.md not found from " + Path.of("").toAbsolutePath());
    }
}

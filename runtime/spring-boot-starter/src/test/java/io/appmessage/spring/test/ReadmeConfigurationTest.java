package io.appmessage.spring.test;

import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.CorsSettings;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.spring.AppMessageAutoConfiguration;
import io.appmessage.spring.AppMessageManagementListener;
import io.appmessage.spring.AppMessageMetricsConfiguration;
import io.appmessage.spring.AppMessageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's application.yml and properties snippets, taken from the README text, start a context with the settings they show. */
class ReadmeConfigurationTest {

    @Test
    void everyApplicationYmlOfTheReadme_bindsAndStarts() throws Exception {
        List<String> blocks = blocks("yaml");
        assertThat(blocks).as("the English and the Chinese application.yml").hasSize(2);
        for (String yaml : blocks) {
            startsWith(new YamlPropertySourceLoader().load("README.md", resource(yaml)), yaml, properties -> {
                assertThat(properties.getLongPollCap()).isEqualTo(Duration.ofSeconds(25));
                assertThat(properties.getDisabledPlugins()).containsExactly("wxapp");
                assertThat(properties.getOutbox().getStore()).isEqualTo(AppMessageProperties.Store.EMBEDDED);
            });
        }
    }

    @Test
    void everyPropertiesSnippetOfTheReadme_bindsAndStarts() throws Exception {
        List<String> blocks = blocks("properties");
        assertThat(blocks).as("CORS, health, the management listener (English and Chinese)").hasSize(4);
        for (String snippet : blocks) {
            startsWith(new PropertiesPropertySourceLoader().load("README.md", resource(snippet)), snippet, properties -> {
                if (snippet.contains("appmessage.cors")) {
                    assertThat(properties.getCors().getAllowedOrigins()).containsExactly("https://m.shop.com", "https://*.shop.com");
                }
            });
        }
    }

    /** The README's property table and the jar's configuration metadata (what IDEs complete) name the same properties. */
    @Test
    void thePropertyTable_isTheConfigurationMetadata() throws Exception {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        java.util.Set<String> table = new java.util.TreeSet<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| `(appmessage\\.[a-z.-]+)` \\|").matcher(readme);
        while (row.find()) {
            table.add(row.group(1));
        }
        String metadata;
        try (var in = ReadmeConfigurationTest.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the starter's jar carries configuration metadata").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            metadata = metadata.substring(metadata.indexOf("\"properties\"")); // not the groups (appmessage.cors)
        }
        java.util.Set<String> described = new java.util.TreeSet<>();
        java.util.regex.Matcher property = java.util.regex.Pattern.compile(
                "\\{\\s*\"name\": \"(appmessage\\.[a-z.-]+)\",[^}]*?\"description\": \"[^\"]+\"").matcher(metadata);
        while (property.find()) {
            described.add(property.group(1));
        }
        assertThat(table).contains("appmessage.expected-plugins").isEqualTo(described);
    }

    private static void startsWith(List<PropertySource<?>> sources, String snippet, Consumer<AppMessageProperties> check) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AppMessageAutoConfiguration.class, AppMessageMetricsConfiguration.class))
                .withUserConfiguration(TestApp.AppBeans.class)
                .withInitializer(context -> sources.forEach(context.getEnvironment().getPropertySources()::addLast))
                // the changes: keep the data directory under target/, take any free management port, and the
                // environment variable the management snippet reads
                .withPropertyValues("appmessage.outbox.data-dir=target/outbox-readme-" + System.nanoTime(),
                        "APPMESSAGE_ADMIN_TOKEN=readme-admin-token-0123456789")
                .withPropertyValues(snippet.contains("appmessage.management.port") ? "appmessage.management.port=0" : "readme=1")
                .run(context -> {
                    assertThat(context).as(snippet).hasNotFailed().hasSingleBean(AppMessageServer.class);
                    assertThat(context.getBeansOfType(AppMessageManagementListener.class)).as(snippet)
                            .hasSize(snippet.contains("appmessage.management.port") ? 1 : 0);
                    AppMessageProperties properties = context.getBean(AppMessageProperties.class);
                    if (properties.getOutbox().getStore() == AppMessageProperties.Store.EMBEDDED) {
                        assertThat(context).hasSingleBean(AppMessageOutbox.class);
                    }
                    if (!properties.getCors().getAllowedOrigins().isEmpty()) {
                        assertThat(context.getBean(CorsSettings.class).allowedOrigins())
                                .containsExactlyElementsOf(properties.getCors().getAllowedOrigins());
                    }
                    check.accept(properties);
                });
    }

    /** The README's fenced blocks of this language, in order. */
    private static List<String> blocks(String language) throws Exception {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        String fence = "```" + language + "\n";
        List<String> blocks = new java.util.ArrayList<>();
        for (int start = readme.indexOf(fence); start >= 0; start = readme.indexOf(fence, start)) {
            start += fence.length();
            blocks.add(readme.substring(start, readme.indexOf("```", start)));
        }
        return blocks;
    }

    private static ByteArrayResource resource(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
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

package io.appmessage.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in real headless Chromium: runs {@code console/test/} (Node's test runner, playwright-core)
 * against a real node started here, and passes when every Node test passes. The Node output is shown
 * only when it fails; a picture of the live console is saved as {@code target/console.png}.
 */
class ConsoleBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void theConsoleWorksInHeadlessChromium() throws IOException, InterruptedException {
        Path consoleDir = Path.of("console").toAbsolutePath();
        Path output = Files.createTempFile("console-test", ".log");
        try (CapturedLog log = new CapturedLog(); DemoNode node = new DemoNode(dataDir)) {
            ProcessBuilder node20 = new ProcessBuilder("node", "--test", "--test-concurrency=1", "test/")
                    .directory(consoleDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            node20.environment().put("CONSOLE_URL", node.managementUrl());
            node20.environment().put("ADMIN_TOKEN", DemoNode.ADMIN_TOKEN);
            node20.environment().put("APP_URL", node.pollUrl());
            node20.environment().put("SCREENSHOT", Path.of("target", "console.png").toAbsolutePath().toString());
            Process process = node20.start();
            boolean finished = process.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String report = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(finished).as("the Node console test finished within 180 s:\n" + report).isTrue();
            assertThat(process.exitValue()).as("the Node console test passed:\n" + report).isZero();
            assertThat(report).contains("# pass 4").contains("# fail 0");
            assertThat(log.text()).contains("console: plugin wxapp switched off").contains("console: test message");
        } finally {
            Files.deleteIfExists(output);
        }
    }
}

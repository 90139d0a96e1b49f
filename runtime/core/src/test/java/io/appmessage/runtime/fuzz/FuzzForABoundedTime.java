package io.appmessage.runtime.fuzz;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fuzzes one {@code @FuzzTest} method for a bounded time in a JVM of its own (Jazzer fuzzes one test per
 * JVM), for the build's {@code fuzz} profile, with the arguments
 * {@code <module directory> <class>#<method>(<parameter type>) <seconds> <log file>}.
 * Everything the run prints (libFuzzer writes to the process's own stderr) goes to the log file. A finding
 * fails with the failing assertion and where its input was saved; the inputs kept under src/test/resources
 * seed every run.
 */
public final class FuzzForABoundedTime {

    private FuzzForABoundedTime() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path module = Path.of(args[0]);
        String method = args[1];
        long seconds = Long.parseLong(args[2]);
        Path log = Path.of(args[3]);
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Jazzer's agent goes on the boot class path: without class sharing the JVM says nothing of it
                "-Xshare:off", "-DJAZZER_FUZZ=1",
                // libFuzzer flags after the fuzz test's own: this one bounds the run whatever maxDuration says
                "-Djazzer.internal.arg.0=fuzz", "-Djazzer.internal.arg.1=-max_total_time=" + seconds,
                "-Dorg.jboss.logging.provider=slf4j", "-classpath", classPath(),
                "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner", "--disable-ansi-colors",
                "--fail-if-no-tests", "--select-method=" + method));
        long started = System.currentTimeMillis();
        Process fuzzing = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (fuzzing.waitFor() != 0) {
            throw new AssertionError("fuzzing " + method + " failed (its log: " + log + ")\n" + failures(log)
                    + savedInputs(module, started));
        }
    }

    private static String classPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!(loader instanceof URLClassLoader urls)) {
            return System.getProperty("java.class.path");
        }
        List<String> entries = new ArrayList<>();
        for (URL url : urls.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException notAFile) {
                // only files can be on a class path
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The console launcher's account of the failure: from "Failures" to the end of the run. */
    private static String failures(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Failures (")) {
                from = i;
            }
        }
        return lines.subList(from, Math.min(lines.size(), from + 12)).stream().collect(Collectors.joining("\n"));
    }

    /** Inputs Jazzer saved during this run (crash-…, timeout-…), which the next build replays. */
    private static String savedInputs(Path module, long since) throws IOException {
        try (Stream<Path> files = Files.walk(module.resolve(Path.of("src", "test", "resources")))) {
            String saved = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("(crash|timeout|slow-unit|oom)-.*"))
                    .filter(f -> f.toFile().lastModified() >= since)
                    .map(Path::toString).collect(Collectors.joining("\n  "));
            return saved.isEmpty() ? "" : "\nthe failing input, replayed by every build until fixed:\n  " + saved;
        }
    }
}

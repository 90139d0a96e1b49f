package io.appmessage.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-tool side of the processor, with javac writing to a real output directory as Maven
 * and Gradle do: an existing services file is merged, not overwritten (micronaut-core #4277), and
 * the processor jar declares itself to Gradle as aggregating.
 */
class IncrementalBuildTest {

    @TempDir
    Path output;

    @Test
    void existingServicesFile_keepsOtherRegistries_sorted() throws IOException {
        Path services = output.resolve("META-INF/services/io.appmessage.HandlerRegistry");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# left by an earlier partial build\nzz.Other\naa.Earlier\n");

        compileInto(output, "fixtures/spread/AHandlers.java");

        assertEquals("aa.Earlier\ncom.spread.a.HandlerRegister\nzz.Other\n",
                Files.readString(services, StandardCharsets.UTF_8));
        assertTrue(Files.exists(output.resolve("com/spread/a/HandlerRegister.class")));
    }

    @Test
    void processorJar_declaresItselfAggregatingToGradle() throws IOException {
        try (InputStream in = AppMessageProcessor.class.getClassLoader()
                .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
            assertTrue(in != null, "incremental.annotation.processors is on the processor's classpath");
            assertEquals("io.appmessage.processor.AppMessageProcessor,aggregating",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    private static void compileInto(Path output, String fixture) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path source = output.resolveSibling(output.getFileName() + "-src").resolve(Path.of(fixture).getFileName().toString());
        Files.createDirectories(source.getParent());
        try (InputStream in = IncrementalBuildTest.class.getClassLoader().getResourceAsStream(fixture)) {
            Files.write(source, in.readAllBytes());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", output.toString(), "-classpath", System.getProperty("java.class.path")),
                    null, files.getJavaFileObjects(source));
            task.setProcessors(List.of(new AppMessageProcessor()));
            assertTrue(task.call(), () -> "compiles: " + diagnostics.getDiagnostics());
        }
    }
}

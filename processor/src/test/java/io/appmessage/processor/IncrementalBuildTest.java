package io.appmessage.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private static final String SERVICES = "META-INF/services/io.appmessage.spi.HandlerRegistry";

    @TempDir
    Path output;

    @Test
    void rebuildWithAnotherPackageOption_listsOnlyTheNewRegistry() throws IOException {
        Path services = output.resolve(SERVICES);
        compileInto(output, List.of(), "fixtures/spread/AHandlers.java", "-Aappmessage.package=com.first");
        // the second build of the same output, with the output on the classpath (as Maven and Gradle do)
        compileInto(output, List.of(output), "fixtures/spread/AHandlers.java", "-Aappmessage.package=com.first");
        assertEquals("com.first.HandlerRegister\n", Files.readString(services, StandardCharsets.UTF_8));

        compileInto(output, List.of(output), "fixtures/spread/AHandlers.java", "-Aappmessage.package=com.second");

        // com.first.HandlerRegister still resolves (its class file stays), but it is this output's old
        // register: listed, the runtime would run every handler twice per poll
        assertTrue(Files.exists(output.resolve("com/first/HandlerRegister.class")));
        assertEquals("com.second.HandlerRegister\n", Files.readString(services, StandardCharsets.UTF_8));
    }

    @Test
    void existingServicesFile_keepsRegistriesThatResolveElsewhere_dropsOnesThatDoNot() throws IOException {
        // a registry generated into another output (a jar of the app), on this build's classpath
        Path library = output.resolveSibling(output.getFileName() + "-library");
        compileInto(library, List.of(), "fixtures/plugin/WxHandlers.java", "-Aappmessage.package=com.plugin.wx");
        Path services = output.resolve(SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# left by an earlier build\nzz.Deleted\ncom.plugin.wx.HandlerRegister\n");

        compileInto(output, List.of(library), "fixtures/spread/AHandlers.java");

        assertEquals("com.plugin.wx.HandlerRegister\ncom.spread.a.HandlerRegister\n",
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

    private static void compileInto(Path output, List<Path> classpath, String fixture, String... options)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path source = output.resolveSibling(output.getFileName() + "-src").resolve(Path.of(fixture).getFileName().toString());
        Files.createDirectories(source.getParent());
        Files.createDirectories(output);
        try (InputStream in = IncrementalBuildTest.class.getClassLoader().getResourceAsStream(fixture)) {
            Files.write(source, in.readAllBytes());
        }
        StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
        classpath.forEach(entry -> path.append(File.pathSeparator).append(entry));
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-classpath", path.toString()));
        arguments.addAll(List.of(options));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, arguments,
                    null, files.getJavaFileObjects(source));
            task.setProcessors(List.of(new AppMessageProcessor()));
            assertTrue(task.call(), () -> "compiles: " + diagnostics.getDiagnostics());
        }
    }
}

package io.appmessage.runtime;

import io.appmessage.spi.HandlerRegistry;
import io.appmessage.runtime.internal.dispatch.RegistryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 3, item 1: registries are found with ServiceLoader, one per jar. Two jars are built here
 * as the processor would build them (a registry class plus its META-INF/services entry), compiled
 * with the real javac, and loaded through a class loader handed to the builder.
 */
class ServiceLoaderDiscoveryTest {

    @TempDir
    Path temp;

    @Test
    void twoJarsWithOneRegistryEach_areBothDiscovered() throws Exception {
        Path shopJar = registryJar("shop", "com.shop", "order_status", "shipped");
        Path wxJar = registryJar("wx", "com.wx", "wx_notice", "hello");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {shopJar.toUri().toURL(), wxJar.toUri().toURL()},
                HandlerRegistry.class.getClassLoader());
             AppMessageServer server = AppMessageServer.builder()
                     .host("127.0.0.1").port(0).environment(java.util.Map.of())
                     .classLoader(loader)
                     .build().start()) {
            assertThat(server.handlerCount()).isEqualTo(2);
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"order_status\":\"shipped\",\"wx_notice\":\"hello\"}}");
        }
    }

    @Test
    void noRegistryAnywhere_failsStartWithTheLikelyCauses() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], HandlerRegistry.class.getClassLoader())) {
            assertThatThrownBy(() -> AppMessageServer.builder().environment(java.util.Map.of()).classLoader(empty).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(RegistryLoader.NO_REGISTRY_MESSAGE)
                    .hasMessageContaining("annotationProcessorPaths")
                    .hasMessageContaining("-proc:full")
                    .hasMessageContaining("ServicesResourceTransformer");
        }
    }

    /** A jar holding {@code <pkg>.HandlerRegister} (shaped like generated code) and its services file. */
    private Path registryJar(String name, String pkg, String key, String value) throws IOException {
        Path src = temp.resolve(name + "-src/" + pkg.replace('.', '/'));
        Files.createDirectories(src);
        Path source = src.resolve("HandlerRegister.java");
        Files.writeString(source, "package " + pkg + ";\n"
                + "import io.appmessage.*;\n"
                + "import io.appmessage.spi.*;\n"
                + "import java.util.List;\n"
                + "public final class HandlerRegister implements HandlerRegistry {\n"
                + "  @Override public List<HandlerDescriptor> handlers(InstanceProvider instances) {\n"
                + "    return List.of(HandlerDescriptor.value(\"" + pkg + ".Handlers#" + key + "\", \"\", 0, \"" + key + "\",\n"
                + "        (request, message) -> \"" + value + "\"));\n"
                + "  }\n"
                + "}\n");
        Path classes = temp.resolve(name + "-classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(rc).as("javac exit code").isZero();
        Path services = classes.resolve("META-INF/services/io.appmessage.spi.HandlerRegistry");
        Files.createDirectories(services.getParent());
        Files.writeString(services, pkg + ".HandlerRegister\n", StandardCharsets.UTF_8);

        Path jar = temp.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}

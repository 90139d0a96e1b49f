package io.appmessage.runtime;

import io.appmessage.InstanceProvider;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.runtime.internal.dispatch.HandlerTable;
import io.appmessage.runtime.internal.dispatch.LoadedRegistry;
import io.appmessage.runtime.internal.dispatch.RegistryLoader;
import io.appmessage.runtime.internal.json.WriterTable;
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
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registries are found with ServiceLoader, one per jar. Jars are built here as the processor would
 * build them (a registry class plus its META-INF/services entry), compiled with the real javac, and
 * loaded through a class loader handed to the builder. A register stating a contract version the
 * runtime cannot run is refused at start, naming the register, both versions and the fix.
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
    void eachRegistry_isDescribedWithItsJar() throws Exception {
        Path shopJar = registryJar("shop-1.0", "com.shop", "order_status", "shipped");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {shopJar.toUri().toURL()},
                HandlerRegistry.class.getClassLoader())) {
            List<HandlerRegistry> found = RegistryLoader.load(loader);
            assertThat(found).hasSize(1);
            LoadedRegistry described = RegistryLoader.describe(found.get(0), 1);
            assertThat(described).isEqualTo(new LoadedRegistry("com.shop.HandlerRegister", 1, "shop-1.0.jar"));
            assertThat(described).hasToString("com.shop.HandlerRegister (1 handler, shop-1.0.jar)");
        }
    }

    @Test
    void registerOfAnOlderContract_isRefusedAtStartNamingItAndTheFix() throws Exception {
        int older = RegistryLoader.OLDEST_CONTRACT_VERSION - 1;
        Path oldJar = registryJar("old-plugin", "com.old", "old_key", "v", "  @Override public int contractVersion() { return "
                + older + "; }\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {oldJar.toUri().toURL()},
                HandlerRegistry.class.getClassLoader())) {
            assertThatThrownBy(() -> AppMessageServer.builder().environment(java.util.Map.of()).classLoader(loader).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("[AppMessage-RegistryVersion] com.old.HandlerRegister (from old-plugin.jar)")
                    .hasMessageContaining("generated for contract version " + older)
                    .hasMessageContaining(" to " + HandlerRegistry.CONTRACT_VERSION)
                    .hasMessageContaining("older appmessage-processor")
                    .hasMessageContaining("rebuild that jar with the appmessage-processor of the same version");
        }
    }

    @Test
    void registerOfANewerContract_isRefusedToo_alsoWhenGivenExplicitly() throws Exception {
        int newer = HandlerRegistry.CONTRACT_VERSION + 1;
        HandlerRegistry fromTheFuture = new HandlerRegistry() {
            @Override
            public int contractVersion() {
                return newer;
            }

            @Override
            public List<HandlerDescriptor> handlers(InstanceProvider instances) {
                return List.of();
            }
        };
        assertThatThrownBy(() -> AppMessageServer.builder().environment(java.util.Map.of()).registries(fromTheFuture).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[AppMessage-RegistryVersion] " + fromTheFuture.getClass().getName())
                .hasMessageContaining("generated for contract version " + newer)
                .hasMessageContaining("newer appmessage-processor");
    }

    @Test
    void registerOfTheOldestContract_stillRuns_everyHandlerOfItBlocking() throws Exception {
        Path jar = registryJar("oldest", "com.oldest", "k", "v", "  @Override public int contractVersion() { return "
                + RegistryLoader.OLDEST_CONTRACT_VERSION + "; }\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, HandlerRegistry.class.getClassLoader())) {
            List<HandlerRegistry> found = RegistryLoader.load(loader);
            HandlerTable table = HandlerTable.build(found, InstanceProvider.NONE, new WriterTable(), 1_000_000L);
            assertThat(table.all()).singleElement().satisfies(slot -> {
                assertThat(slot.id()).isEqualTo("com.oldest.Handlers#k");
                assertThat(slot.blocking()).isTrue();
            });
        }
    }

    @Test
    void registerOfTheCurrentContract_statesIt() throws Exception {
        Path jar = registryJar("current", "com.current", "k", "v", "  @Override public int contractVersion() { return "
                + HandlerRegistry.CONTRACT_VERSION + "; }\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, HandlerRegistry.class.getClassLoader())) {
            assertThat(RegistryLoader.load(loader)).singleElement()
                    .extracting(HandlerRegistry::contractVersion).isEqualTo(HandlerRegistry.CONTRACT_VERSION);
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
                    .hasMessageContaining("ServicesResourceTransformer")
                    .hasMessageContaining("maven-compiler-plugin older than 3.5 ignores annotationProcessorPaths")
                    .hasMessageContaining("a stale build")
                    .hasMessageContaining("`mvn clean`");
        }
    }

    /** A jar holding {@code <pkg>.HandlerRegister} (shaped like generated code) and its services file. */
    private Path registryJar(String name, String pkg, String key, String value) throws IOException {
        return registryJar(name, pkg, key, value, "");
    }

    /** As above, with {@code extraMembers} (such as a {@code contractVersion()} override) in the class body. */
    private Path registryJar(String name, String pkg, String key, String value, String extraMembers) throws IOException {
        Path src = temp.resolve(name + "-src/" + pkg.replace('.', '/'));
        Files.createDirectories(src);
        Path source = src.resolve("HandlerRegister.java");
        Files.writeString(source, "package " + pkg + ";\n"
                + "import io.appmessage.*;\n"
                + "import io.appmessage.spi.*;\n"
                + "import java.util.List;\n"
                + "public final class HandlerRegister implements HandlerRegistry {\n"
                + extraMembers
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

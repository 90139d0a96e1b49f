package io.appmessage.runtime;

import io.appmessage.runtime.internal.config.LogBindingCheck;
import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The errors a new user meets in the first hour say what to do. */
class FirstRunErrorsTest {

    private static final TestRegistry REGISTRY = TestRegistry.of(
            HandlerDescriptor.imperative("t.First#hello", "", 0, (request, message) -> {
                message.push("hello", "world");
                return null;
            }));

    @Test
    void aPortInUseNamesTheHostThePortAndTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            AppMessageServer server = Servers.builder(REGISTRY).port(taken.getLocalPort()).build();
            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("in use")
                    .hasMessageContaining("PORT");
            server.close();
        }
    }

    @Test
    void anExpectedPluginThatNoRegistryBringsFailsTheBuildNamingIt() {
        assertThatThrownBy(() -> Servers.builder(REGISTRY).expectPlugins("wxapp", "coupon").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("[AppMessage-MissingPlugin] expected plugins [coupon, wxapp] not found")
                .hasMessageContaining("plugins found: []")
                .hasMessageContaining("ServicesResourceTransformer");
    }

    @Test
    void expectedPluginsFromTheEnvironment_failTheBuildNamingTheMissingOne() {
        assertThatThrownBy(() -> Servers.builder(REGISTRY).environment(Map.of("APPMESSAGE_EXPECTED_PLUGINS", "wxapp")).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("[AppMessage-MissingPlugin] expected plugin [wxapp] not found")
                .hasMessageContaining("registries: [" + TestRegistry.class.getName() + " (1 handler, test-classes)]");
        assertThatThrownBy(() -> Servers.builder(REGISTRY).expectPlugins("coupon")
                .environment(Map.of("APPMESSAGE_EXPECTED_PLUGINS", " ")).build())
                .as("a blank variable leaves the builder's value")
                .hasMessageStartingWith("[AppMessage-MissingPlugin] expected plugin [coupon] not found");
        TestRegistry wx = TestRegistry.of(HandlerDescriptor.imperative("t.Wx#hello", "wxapp", 0, (request, message) -> null));
        try (AppMessageServer server = Servers.builder(REGISTRY, wx)
                .environment(Map.of("APPMESSAGE_EXPECTED_PLUGINS", "wxapp")).build()) {
            assertThat(server.settings().expectedPlugins()).containsExactly("wxapp");
        }
    }

    @Test
    void anExpectedPluginThatIsPresentBuilds() {
        TestRegistry plugin = TestRegistry.of(HandlerDescriptor.imperative("t.Wx#hello", "wxapp", 0, (request, message) -> {
            message.push("wx", 1);
            return null;
        }));
        try (AppMessageServer server = Servers.builder(REGISTRY, plugin).expectPlugins("wxapp").disabledPlugins("wxapp").build()) {
            assertThat(server.plugins().known()).containsExactly("wxapp");
        }
    }

    @Test
    void awaitShutdownReturnsWhenTheServerIsClosed() throws Exception {
        AppMessageServer server = Servers.start(REGISTRY);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                server.awaitShutdown();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        server.close();
        waiting.get(5, TimeUnit.SECONDS);
    }

    /** A JVM without slf4j-simple: the runtime says which dependency to add, in one line. */
    @Test
    void aStartWithoutAnSlf4jBindingSaysWhichDependencyToAdd() throws Exception {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String withoutBinding = Arrays.stream(testClassPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", withoutBinding, NoBindingMain.class.getName()));
        Process child = new ProcessBuilder(command).start();
        child.getOutputStream().close();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(err).isZero();
        assertThat(err.lines().filter(l -> l.equals(LogBindingCheck.NO_BINDING))).hasSize(1);
        assertThat(err).contains("org.slf4j:slf4j-simple").doesNotContain("\tat ");
    }

    /** Starts and stops a server on a free port, in a JVM whose class path has no SLF4J binding. */
    static final class NoBindingMain {
        public static void main(String[] args) {
            try (AppMessageServer server = Servers.start(REGISTRY)) {
                server.port();
            }
        }
    }
}

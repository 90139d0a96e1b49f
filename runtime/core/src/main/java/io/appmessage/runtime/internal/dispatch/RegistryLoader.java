package io.appmessage.runtime.internal.dispatch;

import io.appmessage.spi.HandlerRegistry;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the generated {@code HandlerRegister} of every jar with {@link ServiceLoader}, once, at start, and
 * refuses a register written for a generated-code contract this runtime cannot run. Fails with the likely
 * causes when there is none.
 *
 * <pre>{@code
 * List<HandlerRegistry> registries = RegistryLoader.load(classLoader);    // found, each one checked
 * RegistryLoader.requireCompatible(explicitRegistries);                   // registries given by hand
 * LoadedRegistry line = RegistryLoader.describe(registry, handlerCount);  // for the start-up line
 * }</pre>
 */
public final class RegistryLoader {

    /** The start-up failure message when no registry is found; the README's troubleshooting section cites it. */
    public static final String NO_REGISTRY_MESSAGE = "[AppMessage-NoRegistry] No HandlerRegistry found: ServiceLoader"
            + " found no META-INF/services/io.appmessage.spi.HandlerRegistry on the class path. Likely causes:\n"
            + "  1. the annotation processor did not run: add io.appmessage:appmessage-processor to the"
            + " maven-compiler-plugin's <annotationProcessorPaths> (Gradle: annotationProcessor);"
            + " a maven-compiler-plugin older than 3.5 ignores annotationProcessorPaths: pin 3.5 or newer;\n"
            + "  2. on JDK 23+ javac no longer runs processors found on the class path: use"
            + " annotationProcessorPaths, or pass -proc:full;\n"
            + "  3. a stale build: the compiler saw nothing to recompile and did not run the processor:"
            + " run `mvn clean` (Gradle: clean) and build again;\n"
            + "  4. a fat jar lost the services files: with maven-shade-plugin add the"
            + " ServicesResourceTransformer (other tools: merge META-INF/services);\n"
            + "  5. no class has an @OnAppMessageRequest method, or the server was given the wrong class loader.\n"
            + "Or pass registries explicitly: AppMessageServer.builder().registries(new HandlerRegister()).";

    /** The oldest generated-code contract version this runtime still runs. */
    public static final int OLDEST_CONTRACT_VERSION = 2;

    /** What {@link LoadedRegistry#jar()} says when a registry's class loader gives no code source. */
    public static final String UNKNOWN_SOURCE = "unknown source";

    private RegistryLoader() {
    }

    /** Every registry {@code loader} can see, in service-file order, each checked by {@link #requireCompatible}. */
    public static List<HandlerRegistry> load(ClassLoader loader) {
        List<HandlerRegistry> found = new ArrayList<>();
        try {
            for (HandlerRegistry registry : ServiceLoader.load(HandlerRegistry.class, loader)) {
                found.add(registry);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("[AppMessage-BadRegistry] A META-INF/services/io.appmessage.spi.HandlerRegistry"
                    + " entry could not be loaded (a stale services file naming a deleted class, or a registry"
                    + " compiled against another appmessage-annotations version): " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException(NO_REGISTRY_MESSAGE);
        }
        return requireCompatible(found);
    }

    /**
     * {@code registries} itself, once each states a contract version between {@link #OLDEST_CONTRACT_VERSION}
     * and {@link HandlerRegistry#CONTRACT_VERSION}.
     *
     * @throws IllegalStateException {@code [AppMessage-RegistryVersion]}, naming the first register that
     *                               does not, its version, the runtime's, its jar and the fix
     */
    public static List<HandlerRegistry> requireCompatible(List<HandlerRegistry> registries) {
        for (HandlerRegistry registry : registries) {
            int version = registry.contractVersion();
            if (version < OLDEST_CONTRACT_VERSION || version > HandlerRegistry.CONTRACT_VERSION) {
                throw new IllegalStateException(incompatible(registry, version));
            }
        }
        return registries;
    }

    /** The registry's class, handler count and jar, for the start-up line. */
    public static LoadedRegistry describe(HandlerRegistry registry, int handlerCount) {
        return new LoadedRegistry(registry.getClass().getName(), handlerCount, sourceOf(registry.getClass()));
    }

    private static String incompatible(HandlerRegistry registry, int version) {
        String range = OLDEST_CONTRACT_VERSION == HandlerRegistry.CONTRACT_VERSION
                ? "version " + HandlerRegistry.CONTRACT_VERSION
                : "versions " + OLDEST_CONTRACT_VERSION + " to " + HandlerRegistry.CONTRACT_VERSION;
        String direction = version < OLDEST_CONTRACT_VERSION
                ? "it was generated by an older appmessage-processor than this runtime"
                : "it was generated by a newer appmessage-processor than this runtime";
        return "[AppMessage-RegistryVersion] " + registry.getClass().getName() + " (from "
                + sourceOf(registry.getClass()) + ") was generated for contract version " + version
                + ", but this runtime (appmessage-runtime) runs " + range + ": " + direction + "."
                + " Fix: rebuild that jar with the appmessage-processor of the same version as the runtime"
                + " (annotationProcessorPaths; run `mvn clean` so the register is written again).";
    }

    private static String sourceOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return UNKNOWN_SOURCE;
        }
        try {
            Path path = Path.of(location.toURI());
            Path name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            String text = location.toString();
            return text.substring(text.lastIndexOf('/', text.length() - 2) + 1);
        }
    }
}

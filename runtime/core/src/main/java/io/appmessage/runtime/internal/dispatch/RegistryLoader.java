package io.appmessage.runtime.internal.dispatch;

import io.appmessage.spi.HandlerRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the generated {@code HandlerRegister} of every jar with {@link ServiceLoader}, once, at
 * start. Fails with the likely causes when there is none (issue 3, item 6).
 */
public final class RegistryLoader {

    /** The start-up failure message when no registry is found; the README's troubleshooting section cites it. */
    public static final String NO_REGISTRY_MESSAGE = "[AppMessage-NoRegistry] No HandlerRegistry found: ServiceLoader"
            + " found no META-INF/services/io.appmessage.spi.HandlerRegistry on the class path. Likely causes:\n"
            + "  1. the annotation processor did not run: add io.appmessage:appmessage-processor to the"
            + " maven-compiler-plugin's <annotationProcessorPaths> (Gradle: annotationProcessor);\n"
            + "  2. on JDK 23+ javac no longer runs processors found on the class path: use"
            + " annotationProcessorPaths, or pass -proc:full;\n"
            + "  3. a fat jar lost the services files: with maven-shade-plugin add the"
            + " ServicesResourceTransformer (other tools: merge META-INF/services);\n"
            + "  4. no class has an @OnAppMessageRequest method, or the server was given the wrong class loader.\n"
            + "Or pass registries explicitly: AppMessageServer.builder().registries(new HandlerRegister()).";

    private RegistryLoader() {
    }

    /** Every registry {@code loader} can see, in service-file order. */
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
        return found;
    }
}

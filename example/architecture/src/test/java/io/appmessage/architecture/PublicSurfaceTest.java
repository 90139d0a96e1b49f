package io.appmessage.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public surface is a promise, so it is kept narrow and checked here over the compiled classes of every
 * module (the library's and the examples', benchmarks included), read from their {@code target/classes}:
 *
 * <ul>
 *   <li>In the library modules (annotations, processor, runtime, metrics) a public type lives in an API or SPI package
 *       ({@link #API_AND_SPI}) or under an {@code internal} package; nowhere else.</li>
 *   <li>A public type under {@code internal} is public only so that the internal packages of its own module can
 *       wire it: no class of another module uses it (the examples and benchmarks are other modules).</li>
 * </ul>
 *
 * A module is told by its packages: {@code io.appmessage} and {@code io.appmessage.spi} are the annotations jar,
 * {@code io.appmessage.processor..} the processor, {@code io.appmessage.runtime..} the runtime,
 * {@code io.appmessage.metrics..} the metrics module,
 * {@code io.appmessage.example..} and {@code io.appmessage.benchmarks..} the examples.
 */
class PublicSurfaceTest {

    /**
     * Exactly the packages whose public types users and integrations may depend on. A new API package is a new
     * promise: it is added here on purpose, in the same change that adds it.
     */
    static final List<String> API_AND_SPI = List.of("io.appmessage", "io.appmessage.spi", "io.appmessage.runtime",
            "io.appmessage.runtime.spi", "io.appmessage.runtime.outbox", "io.appmessage.runtime.presence",
            "io.appmessage.processor", "io.appmessage.metrics");

    /** Each module's {@code target/classes}, relative to this module's directory (Surefire's working directory). */
    static final List<Path> CLASS_DIRECTORIES = List.of(Path.of("../../annotations/target/classes"),
            Path.of("../../processor/target/classes"), Path.of("../../runtime/core/target/classes"),
            Path.of("../../runtime/metrics/target/classes"),
            Path.of("../app/target/classes"), Path.of("../plugin-wxapp/target/classes"),
            Path.of("../benchmarks/target/classes"));

    /**
     * Internal types that the API still hands out, so another module may name them until the API offers its own
     * type. Empty: every type the API returns is an API type. Checked by {@link #knownLeaks_areStillThere()} so an
     * entry is dropped once the leak is closed.
     */
    static final Set<String> KNOWN_LEAKS = Set.of();

    static JavaClasses all;

    @BeforeAll
    static void importEveryModule() {
        for (Path directory : CLASS_DIRECTORIES) {
            assertThat(directory.resolve("io/appmessage")).as("compiled classes of " + directory).isDirectory();
        }
        all = new ClassFileImporter().importPaths(CLASS_DIRECTORIES);
        assertThat(all.stream().map(PublicSurfaceTest::module).distinct())
                .containsExactlyInAnyOrder("annotations", "processor", "runtime", "metrics", "examples");
    }

    @Test
    void libraryModules_holdPublicTypesOnlyInApiSpiOrInternalPackages() {
        ArchRule rule = classes().that().resideInAnyPackage("io.appmessage", "io.appmessage.spi",
                        "io.appmessage.processor..", "io.appmessage.runtime..", "io.appmessage.metrics..")
                .and().arePublic()
                .should().resideInAnyPackage(apiSpiOrInternal())
                .because("only API and SPI packages hold public types; everything else is internal");
        rule.check(all);
    }

    @Test
    void noModule_usesAnotherModulesInternals() {
        ArchRule rule = classes().that().resideInAnyPackage("io.appmessage..")
                .should(useNoInternalTypeOfAnotherModule())
                .because("an internal type may change in any release; only API and SPI types are a promise");
        rule.check(all);
    }

    @Test
    void knownLeaks_areStillThere() {
        for (String leak : KNOWN_LEAKS) {
            JavaClass leaked = all.get(leak);
            boolean returnedByTheApi = leaked.getMethodsWithReturnTypeOfSelf().stream()
                    .anyMatch(method -> API_AND_SPI.contains(method.getOwner().getPackageName()) && method.getModifiers()
                            .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC));
            assertThat(returnedByTheApi).as(leak + " is no longer returned by a public API method: remove it from"
                    + " KNOWN_LEAKS").isTrue();
        }
    }

    @Test
    void theRuleFails_whenAnExampleUsesAnInternalType() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesAnInternalType.class,
                io.appmessage.runtime.internal.dispatch.RegistryLoader.class);
        ConditionEvents events = evaluate(offender.get(UsesAnInternalType.class));
        assertThat(events.containViolation()).isTrue();
    }

    private static ConditionEvents evaluate(JavaClass javaClass) {
        ConditionEvents events = ConditionEvents.Factory.create();
        useNoInternalTypeOfAnotherModule().check(javaClass, events);
        return events;
    }

    private static String[] apiSpiOrInternal() {
        String[] packages = API_AND_SPI.toArray(new String[API_AND_SPI.size() + 1]);
        packages[API_AND_SPI.size()] = "..internal..";
        return packages;
    }

    private static ArchCondition<JavaClass> useNoInternalTypeOfAnotherModule() {
        return new ArchCondition<>("use no internal type of another module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    boolean internal = target.getPackageName().startsWith("io.appmessage.")
                            && (target.getPackageName() + ".").contains(".internal.");
                    if (internal && !module(target).equals(module(origin)) && !KNOWN_LEAKS.contains(target.getName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The module a class belongs to, told by its package. */
    static String module(JavaClass type) {
        String name = type.getPackageName();
        if (name.equals("io.appmessage") || name.equals("io.appmessage.spi")) {
            return "annotations";
        }
        if (name.startsWith("io.appmessage.processor")) {
            return "processor";
        }
        if (name.startsWith("io.appmessage.runtime")) {
            return "runtime";
        }
        if (name.startsWith("io.appmessage.metrics")) {
            return "metrics";
        }
        if (name.startsWith("io.appmessage.example") || name.startsWith("io.appmessage.benchmarks")) {
            return "examples";
        }
        return "outside: " + name;
    }

    /** Stands for an example class that reaches into the runtime's internals. */
    static final class UsesAnInternalType {
        String message() {
            return io.appmessage.runtime.internal.dispatch.RegistryLoader.describe(null, 0).toString();
        }
    }
}

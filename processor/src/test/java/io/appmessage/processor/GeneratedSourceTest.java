package io.appmessage.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.appmessage.processor.support.Compilations.compile;
import static io.appmessage.processor.support.Compilations.fixtures;
import static io.appmessage.processor.support.Compilations.source;
import static io.appmessage.processor.support.Compilations.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 2, "Tests": the generated source of the representative input against golden files, the
 * same inputs in two orders give byte-identical output, and no generated source uses reflection.
 *
 * <p>After an intended change to the generated code, refresh the golden files with
 * {@code mvn -pl processor test -Dtest=GeneratedSourceTest -Dgolden.update=true} and review the diff.
 */
class GeneratedSourceTest {

    private static final List<String> SHOP = List.of("shop/ShopHandlers.java", "shop/OrderStatus.java",
            "shop/Notice.java");

    @Test
    void representativeInput_generatesTheGoldenRegister() throws IOException {
        Compilation compilation = compile(fixtures(SHOP.toArray(String[]::new)));
        assertThat(compilation).succeededWithoutWarnings();

        assertGolden("golden/HandlerRegister.java", source(compilation, "com.shop.HandlerRegister"));
        // every record the register's package can name is written by the register itself: no file per record
        assertEquals(1, compilation.generatedSourceFiles().size(), "only the register is generated");
    }

    @Test
    void packagePrivateRecordInAnotherPackage_generatesTheGoldenWriterClass() throws IOException {
        Compilation compilation = compile(fixtures("hidden/HiddenHandlers.java", "hidden/Receipt.java"));
        assertThat(compilation).succeededWithoutWarnings();

        assertGolden("golden/Receipt_JsonWriter.java", source(compilation, "com.hidden.model.Receipt_JsonWriter"));
    }

    @Test
    void sameInputsInTwoOrders_giveByteIdenticalOutput() {
        Compilation forward = compile(fixtures(SHOP.toArray(String[]::new)));
        Compilation backward = compile(fixtures("shop/Notice.java", "shop/OrderStatus.java", "shop/ShopHandlers.java"));

        Map<String, String> forwardFiles = generatedTexts(forward);
        assertFalse(forwardFiles.isEmpty());
        assertEquals(forwardFiles, generatedTexts(backward));
    }

    @Test
    void everyGeneratedSource_isFreeOfReflection() {
        List<Compilation> compilations = List.of(
                compile(fixtures(SHOP.toArray(String[]::new))),
                compile(fixtures("injected/InjectedHandlers.java")),
                compile(fixtures("plugin/package-info.java", "plugin/WxHandlers.java")),
                compile(fixtures("spread/AHandlers.java", "spread/BHandlers.java")),
                compile(fixtures("hidden/HiddenHandlers.java", "hidden/Receipt.java")));
        int scanned = 0;
        for (Compilation compilation : compilations) {
            assertThat(compilation).succeeded();
            for (JavaFileObject file : compilation.generatedSourceFiles()) {
                String source = text(file);
                for (String forbidden : List.of("java.lang.reflect", "Class.forName", "getMethod", "newInstance",
                        "MethodHandle")) {
                    assertFalse(source.contains(forbidden), file.getName() + " contains " + forbidden);
                }
                scanned++;
            }
        }
        assertEquals(6, scanned, "5 registries and 1 writer class scanned");
    }

    /** Every generated source and resource (not class files: javac may stamp them), by name. */
    private static Map<String, String> generatedTexts(Compilation compilation) {
        Map<String, String> texts = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                texts.put(file.toUri().toString(), text(file));
            }
        }
        return texts;
    }

    private static void assertGolden(String resource, String actual) throws IOException {
        // read from the source tree (surefire runs in the module directory), so an update is seen at once
        Path file = Path.of("src/test/resources", resource);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "missing golden file " + file.toAbsolutePath());
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, resource);
    }
}

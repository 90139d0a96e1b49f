package io.appmessage.processor.support;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.appmessage.processor.AppMessageProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Runs the real processor on fixtures from {@code src/test/resources/fixtures}. */
public final class Compilations {

    private Compilations() {
    }

    /** A fixture, such as {@code "shop/ShopHandlers.java"}. */
    public static JavaFileObject fixture(String path) {
        return JavaFileObjects.forResource("fixtures/" + path);
    }

    public static List<JavaFileObject> fixtures(String... paths) {
        return Arrays.stream(paths).map(Compilations::fixture).toList();
    }

    /** Compiles {@code sources} with the processor and {@code options} (such as {@code -Aappmessage.class=X}). */
    public static Compilation compile(List<JavaFileObject> sources, String... options) {
        return javac().withProcessors(new AppMessageProcessor()).withOptions((Object[]) options).compile(sources);
    }

    /** The text of a generated source file. */
    public static String source(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError(qualifiedName + " was not generated; generated: "
                        + compilation.generatedSourceFiles().stream().map(JavaFileObject::getName).toList()));
        return text(file);
    }

    /** The text of a generated resource in the class output, such as the services file. */
    public static String resource(Compilation compilation, String path) {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
                .map(Compilations::text)
                .orElseThrow(() -> new AssertionError(path + " was not generated"));
    }

    public static String text(javax.tools.FileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

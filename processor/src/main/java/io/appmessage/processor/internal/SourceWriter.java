package io.appmessage.processor.internal;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.annotation.processing.Filer;

/**
 * Writes generated types through the {@link Filer}, formatted the same way every time (one file
 * per type, four-space indent, no {@code java.lang} imports), so output is byte-stable.
 */
public final class SourceWriter {

    private final Filer filer;

    public SourceWriter(Filer filer) {
        this.filer = filer;
    }

    /** Writes {@code type} into {@code packageName}; its originating elements travel with the spec. */
    public void write(String packageName, TypeSpec type) {
        JavaFile file = JavaFile.builder(packageName, type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        try {
            file.writeTo(filer);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + packageName + "." + type.name(), e);
        }
    }
}

package io.appmessage.processor.internal;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;

/**
 * Writes generated types through the {@link Filer}, formatted the same way every time (one file
 * per type, four-space indent, no {@code java.lang} imports), so output is byte-stable.
 *
 * <p>{@code java.lang} types are written by simple name, which a type of the same name in the
 * target package shadows ({@code package p; public record String(...)} makes {@code String} and
 * {@code @Override} mean {@code p.String} / {@code p.Override}). JavaPoet only knows the types it
 * emits, so the package's shadowing names are passed to it and it writes those fully qualified.
 */
public final class SourceWriter {

    private final Filer filer;
    private final Elements elements;
    /**
     * Shadowed names per package, found once: 100 writers into one package would otherwise look up
     * every type of the package in {@code java.lang} 100 times, and {@code Elements.getTypeElement}
     * of a missing name searches every module, which is what a build pays for. Sources are written in one
     * round only (see {@link CompilationRun}), so the packages' members do not change in between.
     */
    private final Map<String, Set<String>> shadowedByPackage = new HashMap<>();
    /** Without modules only: the simple names of {@code java.lang}'s public types, listed once. */
    private Set<String> javaLangNames;

    public SourceWriter(Filer filer, Elements elements) {
        this.filer = filer;
        this.elements = elements;
    }

    /** Writes {@code type} into {@code packageName}; its originating elements travel with the spec. */
    public void write(String packageName, TypeSpec type) {
        Set<String> shadowed = shadowedByPackage.computeIfAbsent(packageName, this::javaLangNamesShadowedIn);
        TypeSpec qualified = shadowed.isEmpty() ? type
                : type.toBuilder().alwaysQualify(shadowed.toArray(String[]::new)).build();
        JavaFile file = JavaFile.builder(packageName, qualified)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        // rendered into memory, then written at once: JavaPoet appends a few characters at a time, and the
        // filer's writer encodes each append on its own, which cost more than the rest of the processor
        StringBuilder source = new StringBuilder(1 << 16);
        String name = packageName.isEmpty() ? type.name() : packageName + "." + type.name();
        try {
            file.writeTo(source);
            JavaFileObject output = filer.createSourceFile(name, qualified.originatingElements().toArray(new Element[0]));
            try (Writer writer = output.openWriter()) {
                writer.write(source.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + packageName + "." + type.name(), e);
        }
    }

    /** Simple names of the package's types (from source or the classpath) that are also {@code java.lang} types. */
    private Set<String> javaLangNamesShadowedIn(String packageName) {
        Set<String> shadowed = new TreeSet<>();
        PackageElement pkg = elements.getPackageElement(packageName);
        if (pkg == null || packageName.equals("java.lang")) {
            return shadowed;
        }
        for (TypeElement member : ElementFilter.typesIn(pkg.getEnclosedElements())) {
            String simpleName = member.getSimpleName().toString();
            if (isJavaLangType(simpleName)) {
                shadowed.add(simpleName);
            }
        }
        return shadowed;
    }

    /**
     * Whether {@code java.lang} has a public type of this name. Asked of {@code java.base} alone where there are
     * modules: a name looked up in every module, or listing {@code java.lang} (which reads each of its class
     * files), costs more than the rest of writing the register.
     */
    private boolean isJavaLangType(String simpleName) {
        ModuleElement javaBase = elements.getModuleElement("java.base");
        if (javaBase == null) { // --release 8: no modules
            return javaLangNames().contains(simpleName);
        }
        TypeElement type = elements.getTypeElement(javaBase, "java.lang." + simpleName);
        return type != null && type.getModifiers().contains(Modifier.PUBLIC);
    }

    private Set<String> javaLangNames() {
        if (javaLangNames == null) {
            javaLangNames = new HashSet<>();
            PackageElement javaLang = elements.getPackageElement("java.lang");
            if (javaLang != null) {
                for (TypeElement type : ElementFilter.typesIn(javaLang.getEnclosedElements())) {
                    if (type.getModifiers().contains(Modifier.PUBLIC)) {
                        javaLangNames.add(type.getSimpleName().toString());
                    }
                }
            }
        }
        return javaLangNames;
    }
}

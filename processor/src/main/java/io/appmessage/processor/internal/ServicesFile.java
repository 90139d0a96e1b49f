package io.appmessage.processor.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/io.appmessage.spi.HandlerRegistry}, merged with the file an earlier
 * (incremental) build left in the class output, so registries written by earlier partial builds
 * are kept (the services file lost on partial recompiles, micronaut-core #4277). Entries are sorted.
 *
 * <p>An earlier entry is kept only while it is still valid, because a stale one breaks the app:
 * <ul>
 *   <li>a class that no longer resolves is dropped ({@code ServiceLoader} would fail start-up with a
 *       {@code ServiceConfigurationError});</li>
 *   <li>a register this processor wrote into this same class output under another name or package
 *       (the build changed {@code -Aappmessage.package} or {@code -Aappmessage.class}) is dropped:
 *       a compilation has exactly one register, so listing both would run every handler twice per
 *       poll;</li>
 *   <li>anything else that resolves is kept: hand-written registries, and registers generated into
 *       other outputs (jars) on the classpath.</li>
 * </ul>
 */
public final class ServicesFile {

    static final String PATH = "META-INF/services/io.appmessage.spi.HandlerRegistry";

    private final Filer filer;
    private final Elements elements;

    public ServicesFile(Filer filer, Elements elements) {
        this.filer = filer;
        this.elements = elements;
    }

    /** Writes the file with {@code registry} added to the still valid entries that were there. */
    public void write(String registry, List<? extends Element> origins) {
        SortedSet<String> entries = new TreeSet<>();
        existingEntries().stream().filter(entry -> isStillValid(entry, registry)).forEach(entries::add);
        entries.add(registry);
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH,
                    origins.toArray(new Element[0]));
            try (Writer writer = file.openWriter()) {
                for (String entry : entries) {
                    writer.write(entry);
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + PATH, e);
        }
    }

    private boolean isStillValid(String entry, String registry) {
        if (entry.equals(registry)) {
            return true;
        }
        TypeElement type = elements.getTypeElement(entry);
        if (type == null) {
            return false;
        }
        return !(OwnOutput.isWrittenByUs(type) && isInClassOutput(type));
    }

    /** Whether the class file of {@code type} lies in this compilation's class output (not in a jar or other directory). */
    private boolean isInClassOutput(TypeElement type) {
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        String binaryName = elements.getBinaryName(type).toString();
        String fileName = (packageName.isEmpty() ? binaryName : binaryName.substring(packageName.length() + 1))
                + ".class";
        // javac hands out a file object for any path of an output location: only reading proves it exists
        try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, fileName)
                .openInputStream()) {
            return in != null;
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    private SortedSet<String> existingEntries() {
        SortedSet<String> entries = new TreeSet<>();
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            try (BufferedReader reader = new BufferedReader(existing.openReader(true))) {
                reader.lines()
                        .map(line -> line.replaceFirst("#.*", "").trim())
                        .filter(line -> !line.isEmpty())
                        .forEach(entries::add);
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            // no earlier file (a clean build), or a file system that cannot read it back: start empty
        }
        return entries;
    }
}

package io.appmessage.processor.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/io.appmessage.HandlerRegistry}, merged with the file an earlier
 * (incremental) build left in the class output, so registries written by earlier partial builds
 * are kept (the services file lost on partial recompiles, micronaut-core #4277). Entries are sorted.
 */
public final class ServicesFile {

    static final String PATH = "META-INF/services/io.appmessage.HandlerRegistry";

    private final Filer filer;

    public ServicesFile(Filer filer) {
        this.filer = filer;
    }

    /** Writes the file with {@code registry} added to what was there. */
    public void write(String registry, List<? extends Element> origins) {
        SortedSet<String> entries = existingEntries();
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

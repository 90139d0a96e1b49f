package io.appmessage.processor.support;

import com.google.testing.compile.Compilation;
import io.appmessage.spi.HandlerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/**
 * Loads the classes a compile-testing compilation produced (the fixtures and everything the
 * processor generated) from memory, so tests can drive the generated code. Test-only: the
 * framework itself never loads classes this way.
 */
public final class GeneratedCode extends ClassLoader {

    private final Map<String, byte[]> classes = new TreeMap<>();

    public GeneratedCode(Compilation compilation) {
        super(GeneratedCode.class.getClassLoader());
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String binaryName = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                    path.length() - ".class".length()).replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(binaryName, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** The generated registry {@code className}, instantiated as ServiceLoader would. */
    public HandlerRegistry registry(String className) {
        try {
            return (HandlerRegistry) loadClass(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + className + "; compiled: " + classes.keySet(), e);
        }
    }

    /** A compiled class, by binary name. */
    public Class<?> type(String binaryName) {
        try {
            return loadClass(binaryName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(binaryName + " was not compiled; compiled: " + classes.keySet(), e);
        }
    }
}

package io.appmessage.processor.internal;

import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The processor's options, passed to javac as {@code -Akey=value} (Maven: {@code <compilerArgs>},
 * Gradle: {@code options.compilerArgs}). Listed with types and defaults in the module README.
 *
 * <pre>{@code
 * -Aappmessage.package=com.shop -Aappmessage.class=ShopHandlerRegister
 * }</pre>
 */
public final class Options {

    /**
     * {@code appmessage.package} (package name): the package of the generated registry when no
     * handler belongs to an {@code @AppMessagePlugin} package. Default: the longest common
     * package of the handler classes.
     */
    public static final String PACKAGE = "appmessage.package";

    /**
     * {@code appmessage.class} (simple class name): the generated registry's name, so that two
     * jars generating into one package never collide. Default: {@value #DEFAULT_CLASS}.
     */
    public static final String CLASS = "appmessage.class";

    /**
     * {@code appmessage.verbose} ({@code true}/{@code false}): print a note naming what was
     * generated. Default: {@code false}.
     */
    public static final String VERBOSE = "appmessage.verbose";

    /** The registry's default simple name, {@code HandlerRegister}: the name PHP backends give theirs. */
    public static final String DEFAULT_CLASS = "HandlerRegister";

    /** Every option, for {@code getSupportedOptions()}. */
    public static final Set<String> ALL = Set.of(PACKAGE, CLASS, VERBOSE);

    private final String packageName;
    private final String className;
    private final boolean verbose;

    private Options(String packageName, String className, boolean verbose) {
        this.packageName = packageName;
        this.className = className;
        this.verbose = verbose;
    }

    /** Reads the options javac was given, reporting invalid values (and falling back to defaults). */
    public static Options read(Map<String, String> raw, Reporter reporter) {
        String packageName = trimmed(raw.get(PACKAGE));
        if (packageName != null && !SourceVersion.isName(packageName)) {
            reporter.error(Messages.BAD_OPTION, "-A" + PACKAGE + "=" + packageName + " is not a package name.");
            packageName = null;
        }
        String className = trimmed(raw.get(CLASS));
        if (className != null && (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className))) {
            reporter.error(Messages.BAD_OPTION, "-A" + CLASS + "=" + className + " is not a simple class name.");
            className = null;
        }
        return new Options(packageName, className == null ? DEFAULT_CLASS : className,
                Boolean.parseBoolean(trimmed(raw.get(VERBOSE))));
    }

    /** The package option, or {@code null} when not given. */
    public String packageName() {
        return packageName;
    }

    public String className() {
        return className;
    }

    public boolean verbose() {
        return verbose;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package io.appmessage.processor.internal;

import io.appmessage.AppMessagePlugin;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Finds the plugin a handler class belongs to ({@code @AppMessagePlugin} on the class, a class
 * enclosing it, or its package) and checks plugin names against the rule: a lowercase letter, then lowercase letters, digits and {@code _}.
 */
public final class PluginReader {

    /** The plugin-name rule: a lowercase letter, then lowercase letters, digits and {@code _}. */
    static final Pattern PLUGIN_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private static final String ANNOTATION = AppMessagePlugin.class.getCanonicalName();

    private final TypeSupport support;
    private final Reporter reporter;

    public PluginReader(TypeSupport support, Reporter reporter) {
        this.support = support;
        this.reporter = reporter;
    }

    /**
     * Where a handler class's plugin is declared.
     *
     * @param name    the plugin name
     * @param carrier the class or package annotated
     */
    public record Plugin(String name, Element carrier) {
    }

    /**
     * The innermost {@code @AppMessagePlugin} around {@code type}: its classes first, then its
     * package, then the packages whose names prefix its package's.
     */
    public Optional<Plugin> pluginOf(TypeElement type) {
        for (Element current = type; current != null; current = current.getEnclosingElement()) {
            AppMessagePlugin plugin = current.getAnnotation(AppMessagePlugin.class);
            if (plugin != null) {
                return Optional.of(new Plugin(plugin.value(), current));
            }
            if (current instanceof PackageElement) {
                break;
            }
        }
        // sub-packages belong to the plugin of their enclosing package: a plugin is usually a jar whose
        // packages all start with the annotated one (com.plugin.wx, com.plugin.wx.orders, ...)
        String name = support.packageOf(type);
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.')) {
            name = name.substring(0, dot);
            PackageElement parent = support.elements().getPackageElement(name);
            AppMessagePlugin plugin = parent == null ? null : parent.getAnnotation(AppMessagePlugin.class);
            if (plugin != null) {
                return Optional.of(new Plugin(plugin.value(), parent));
            }
        }
        return Optional.empty();
    }

    /** The package HandlerRegister goes to for this plugin: the annotated package, or the annotated class's. */
    public String packageOf(Plugin plugin) {
        return support.packageOf(plugin.carrier());
    }

    /** Reports a plugin name that breaks the plugin-name rule, on the annotation's value. */
    public void validate(Element annotated) {
        Optional<AnnotationMirror> mirror = Annotations.mirror(annotated, ANNOTATION);
        AppMessagePlugin plugin = annotated.getAnnotation(AppMessagePlugin.class);
        if (mirror.isEmpty() || plugin == null || PLUGIN_NAME.matcher(plugin.value()).matches()) {
            return;
        }
        reporter.error(annotated, mirror.get(), Annotations.explicitValue(mirror.get(), "value").orElse(null),
                Messages.PLUGIN_NAME, "Found \"" + plugin.value() + "\".");
    }
}

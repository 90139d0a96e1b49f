package io.appmessage.processor.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.lang.model.element.Element;

/**
 * Chooses the package of the generated registry: the {@code @AppMessagePlugin}
 * package when there is one, else {@code -Aappmessage.package}, else the longest common package of
 * the contributing classes.
 *
 * <p>When the classes share no package, the registry would land in the unnamed package, where
 * every jar's {@code HandlerRegister} collides: that is an error asking for the option, unless a
 * contributing class itself lives in the unnamed package (then only the unnamed package can reach it).
 */
public final class PackageChooser {

    private final TypeSupport support;
    private final Reporter reporter;

    public PackageChooser(TypeSupport support, Reporter reporter) {
        this.support = support;
        this.reporter = reporter;
    }

    /**
     * @param pluginPackages packages carrying (or holding a class carrying) {@code @AppMessagePlugin}
     * @param option         the {@code appmessage.package} option, or null
     * @param contributors   the handler classes and data records, in a deterministic order
     */
    public Optional<String> choose(SortedSet<String> pluginPackages, String option,
                                   Collection<? extends Element> contributors) {
        if (!pluginPackages.isEmpty()) {
            return Optional.of(commonPackage(pluginPackages));
        }
        if (option != null) {
            return Optional.of(option);
        }
        SortedSet<String> packages = new TreeSet<>();
        contributors.forEach(element -> packages.add(support.packageOf(element)));
        String common = commonPackage(packages);
        if (common.isEmpty() && !packages.contains("") && !contributors.isEmpty()) {
            reporter.error(contributors.iterator().next(), Messages.NO_PACKAGE, "Packages: " + packages + ".");
            return Optional.empty();
        }
        return Optional.of(common);
    }

    /** {@code com.shop} for {@code com.shop.orders} and {@code com.shop.stock}; {@code ""} when none. */
    static String commonPackage(SortedSet<String> packages) {
        String common = null;
        for (String name : packages) {
            if (common == null) {
                common = name;
                continue;
            }
            while (!(name.equals(common) || name.startsWith(common + ".") || common.isEmpty())) {
                int dot = common.lastIndexOf('.');
                common = dot < 0 ? "" : common.substring(0, dot);
            }
        }
        return common == null ? "" : common;
    }
}

package io.appmessage.runtime.internal.dispatch;

import java.util.Set;
import java.util.TreeSet;

/**
 * The plugins an app declared it needs: start-up fails naming each one no registry brought, since a
 * plugin jar that is missing (or whose services entry a fat jar lost) otherwise vanishes silently.
 *
 * <pre>{@code
 * ExpectedPlugins.require(Set.of("wxapp"), table);   // throws when no handler belongs to wxapp
 * }</pre>
 */
public final class ExpectedPlugins {

    private ExpectedPlugins() {
    }

    /** Throws {@link IllegalStateException} naming every expected plugin that owns no handler in {@code table}. */
    public static void require(Set<String> expected, HandlerTable table) {
        Set<String> found = new TreeSet<>();
        for (HandlerSlot slot : table.all()) {
            if (!slot.plugin.isEmpty()) {
                found.add(slot.plugin);
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("[AppMessage-MissingPlugin] expected plugin" + (missing.size() > 1 ? "s " : " ")
                    + missing + " not found: no handler registry on the class path belongs to "
                    + (missing.size() > 1 ? "them" : "it") + " (plugins found: " + found + "; registries: "
                    + table.registrySummaries() + "). Fix: add the plugin's jar to the app's dependencies; in a fat jar,"
                    + " merge META-INF/services with maven-shade-plugin's ServicesResourceTransformer.");
        }
    }
}

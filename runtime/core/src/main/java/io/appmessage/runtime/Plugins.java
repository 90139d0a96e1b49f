package io.appmessage.runtime;

import java.util.Set;

/**
 * Switches plugins' handlers off and on while the server runs. A change applies
 * from the next poll; polls already running keep the handler list they started with.
 *
 * <pre>{@code
 * server.plugins().disable("wxapp");
 * server.plugins().enable("wxapp");
 * }</pre>
 */
public interface Plugins {

    /** Stops the plugin's handlers from running. Unknown names are remembered (and logged). */
    void disable(String plugin);

    /** Lets the plugin's handlers run again. */
    void enable(String plugin);

    /** False when the plugin is switched off. */
    boolean isEnabled(String plugin);

    /** The plugins switched off now. */
    Set<String> disabled();

    /** The plugins that own at least one handler. */
    Set<String> known();
}

package io.appmessage.metrics;

import io.appmessage.metrics.internal.config.ManagementDeclarations;
import io.appmessage.metrics.internal.config.ManagementValues;

import java.util.Map;

/**
 * The settings a management listener runs with, read-only: the defaults, what
 * {@link AppMessageManagement.Builder} set, then the environment's overrides, all checked
 * ({@link AppMessageManagement#settings()}). The table of them, with their environment variables and
 * defaults, is in the module's README.
 */
public final class ManagementSettings {

    private final ManagementValues values;

    ManagementSettings(ManagementValues values) {
        this.values = values;
    }

    /** The address bound; default {@code 127.0.0.1}, this machine only. */
    public String host() {
        return values.get(ManagementDeclarations.HOST);
    }

    /** The port configured: 0 for any free one, -1 for no listener ({@link AppMessageManagement#port()} is the bound one). */
    public int port() {
        return values.get(ManagementDeclarations.PORT);
    }

    /** True when a listener should run: a port is set. */
    public boolean enabled() {
        return port() != ManagementDeclarations.OFF;
    }

    /** True when the console is served: an admin token is set. */
    public boolean consoleEnabled() {
        return adminToken() != null;
    }

    String adminToken() {
        return values.get(ManagementDeclarations.ADMIN_TOKEN);
    }

    /** Every setting by its builder name, in the README's order; the token only as {@code set} or {@code none}. */
    public Map<String, String> asMap() {
        return values.shown();
    }

    /** {@code name=value} for every setting, the token only as {@code set} or {@code none}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("management: ");
        asMap().forEach((name, value) -> out.append(out.length() == 12 ? "" : ", ").append(name).append('=').append(value));
        return out.toString();
    }
}

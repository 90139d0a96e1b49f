package io.appmessage.metrics;

import java.util.Map;
import java.util.Objects;

/**
 * Where the management listener listens and who may open the console. Off unless a port is set.
 *
 * <p>Each value can be overridden by an environment variable, the way every other setting is:
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>setting</th><th>environment variable</th><th>default</th></tr>
 *   <tr><td>host</td><td>{@code APPMESSAGE_MANAGEMENT_HOST}</td><td>{@code 127.0.0.1} (this machine only)</td></tr>
 *   <tr><td>port</td><td>{@code APPMESSAGE_MANAGEMENT_PORT}</td><td>off; {@code 0} picks a free port</td></tr>
 *   <tr><td>adminToken</td><td>{@code APPMESSAGE_ADMIN_TOKEN}</td><td>none: the console is not served</td></tr>
 * </table>
 *
 * @param host       the address to bind; {@code 0.0.0.0} exposes {@code /metrics} to the network
 * @param port       the port, {@code 0} for any free one, {@link #OFF} for no listener
 * @param adminToken the token the console asks for ({@code ?token=} or {@code Authorization: Bearer}); at
 *                   least 16 characters; {@code null} serves {@code /metrics} only
 */
public record ManagementSettings(String host, int port, String adminToken) {

    /** The port value that means: no management listener. */
    public static final int OFF = -1;

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String HOST_VARIABLE = "APPMESSAGE_MANAGEMENT_HOST";
    public static final String PORT_VARIABLE = "APPMESSAGE_MANAGEMENT_PORT";
    public static final String TOKEN_VARIABLE = "APPMESSAGE_ADMIN_TOKEN";
    static final int MIN_TOKEN_LENGTH = 16;

    public ManagementSettings {
        Objects.requireNonNull(host, "host");
        if (port < OFF || port > 65_535) {
            throw new IllegalArgumentException("management port must be 0..65535 (or " + OFF + " for off), got " + port);
        }
        if (adminToken != null && adminToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("management adminToken must have at least " + MIN_TOKEN_LENGTH
                    + " characters (a guessable token opens the console), got " + adminToken.length());
        }
    }

    /** No listener. */
    public static ManagementSettings off() {
        return new ManagementSettings(DEFAULT_HOST, OFF, null);
    }

    /** A listener on this machine's loopback at {@code port}, with the console behind {@code adminToken}. */
    public static ManagementSettings loopback(int port, String adminToken) {
        return new ManagementSettings(DEFAULT_HOST, port, adminToken);
    }

    /** True when a listener should run. */
    public boolean enabled() {
        return port != OFF;
    }

    /** These settings with the process's environment variables applied over them. */
    public ManagementSettings withEnvironment() {
        return withEnvironment(System.getenv());
    }

    /** These settings with {@code environment}'s values applied over them; a bad value names its variable. */
    public ManagementSettings withEnvironment(Map<String, String> environment) {
        String newHost = environment.getOrDefault(HOST_VARIABLE, host).trim();
        int newPort = port;
        String portText = environment.get(PORT_VARIABLE);
        if (portText != null && !portText.isBlank()) {
            try {
                newPort = Integer.parseInt(portText.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PORT_VARIABLE + " must be a port number (0..65535), got '"
                        + portText + "'", e);
            }
        }
        String newToken = environment.getOrDefault(TOKEN_VARIABLE, adminToken);
        try {
            return new ManagementSettings(newHost, newPort, newToken == null || newToken.isBlank() ? null : newToken);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("from the environment (" + HOST_VARIABLE + ", " + PORT_VARIABLE
                    + ", " + TOKEN_VARIABLE + "): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ManagementSettings[host=" + host + ", port=" + port + ", adminToken="
                + (adminToken == null ? "none" : "set") + "]";
    }
}

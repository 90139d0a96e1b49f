package io.appmessage.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code appmessage.management.*}: the management listener of {@code appmessage-metrics} (its own port:
 * {@code /metrics} in Prometheus text and, behind the admin token, the operator console). Off while no port
 * is set; on loopback unless a host is given.
 *
 * <pre>{@code
 * appmessage:
 *   management:
 *     port: 9464
 *     admin-token: ${APPMESSAGE_ADMIN_TOKEN}
 * }</pre>
 */
@ConfigurationProperties(prefix = "appmessage.management")
public class AppMessageManagementProperties {

    /** The address the management listener binds; 0.0.0.0 opens /metrics to the network. */
    private String host = "127.0.0.1";

    /** The management listener's port (0 = any free port); no listener while unset. */
    private Integer port;

    /** The operator console's token, at least 16 characters; unset: /metrics only, the console answers 404. */
    private String adminToken;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getAdminToken() {
        return adminToken;
    }

    public void setAdminToken(String adminToken) {
        this.adminToken = adminToken;
    }
}

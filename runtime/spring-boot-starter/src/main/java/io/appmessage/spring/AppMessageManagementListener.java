package io.appmessage.spring;

import io.appmessage.metrics.AppMessageManagement;
import org.springframework.context.SmartLifecycle;

import java.util.Map;

/**
 * Starts the management listener with the context and closes it after the poll engine has drained (a later
 * stop phase than {@link AppMessageLifecycle}), so {@code /metrics} shows the last polls. A value that breaks
 * a rule, or a port that cannot be bound, fails start-up naming the {@code appmessage.management.*} property.
 */
public final class AppMessageManagementListener implements SmartLifecycle {

    private static final Map<String, String> PROPERTIES = Map.of(
            "host", "appmessage.management.host",
            "port", "appmessage.management.port",
            "adminToken", "appmessage.management.admin-token");

    private final AppMessageManagement.Builder builder;
    private final AppMessageManagementProperties properties;
    private volatile AppMessageManagement management;

    AppMessageManagementListener(AppMessageManagement.Builder builder, AppMessageManagementProperties properties) {
        this.builder = builder;
        this.properties = properties;
    }

    /** The port listened on (the free one picked for {@code port=0}), or {@code -1} while stopped. */
    public int port() {
        AppMessageManagement running = management;
        return running == null ? -1 : running.port();
    }

    @Override
    public void start() {
        try {
            management = builder.start();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(propertyOf(e.getMessage()) + " is not valid: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("appmessage.management.port=" + properties.getPort() + " (host "
                    + properties.getHost() + "): " + e.getMessage(), e);
        }
    }

    /** The property of the setting an error names ({@code setting port (...)}), or the whole group. */
    private static String propertyOf(String message) {
        if (message != null) {
            for (Map.Entry<String, String> setting : PROPERTIES.entrySet()) {
                if (message.contains("setting " + setting.getKey() + " ")) {
                    return setting.getValue();
                }
            }
        }
        return "appmessage.management.*";
    }

    @Override
    public void stop() {
        AppMessageManagement running = management;
        management = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return management != null;
    }

    /** Stops after the poll engine ({@link AppMessageLifecycle} stops in the default phase). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}

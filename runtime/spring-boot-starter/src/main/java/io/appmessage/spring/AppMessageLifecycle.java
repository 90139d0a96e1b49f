package io.appmessage.spring;

import io.appmessage.runtime.AppMessageServer;
import org.springframework.context.SmartLifecycle;

/**
 * Joins Spring's shutdown: in the first stop phase (before the web server's graceful shutdown, so that a
 * held long-poll does not keep it waiting for the whole wait) every held poll is answered, polls in flight
 * finish within {@code appmessage.shutdown-grace}, then the engine stops. Beans it uses, the outbox
 * among them, are destroyed only after this.
 */
public final class AppMessageLifecycle implements SmartLifecycle {

    private final AppMessageServer server;
    private volatile boolean running;

    public AppMessageLifecycle(AppMessageServer server) {
        this.server = server;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        server.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown and its stop. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}

package io.appmessage.runtime.internal.server;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.CorsSettings;
import io.appmessage.runtime.internal.dispatch.PollExtension;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.spi.HandlerRegistry;
import io.undertow.server.HttpHandler;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * What a server is built from besides its settings: the parts an app gives the builder.
 *
 * @param registries         null: found with {@code ServiceLoader} in {@code classLoader}
 * @param classLoader        null: the thread's context class loader
 * @param outbox             null: no targeted messages
 * @param dispatcherExecutor null: a server-owned {@link DispatcherPool}
 * @param otherRoutes        null: 404 with the envelope on other paths
 * @param cors               which browser origins may poll ({@code CorsSettings.off()}: none)
 */
public record ServerWiring(List<HandlerRegistry> registries, ClassLoader classLoader, Authenticator authenticator,
                           InstanceProvider instanceProvider, List<PollExtension> extensions,
                           List<PollObserver> observers, AppMessageOutbox outbox, Executor dispatcherExecutor,
                           HttpHandler otherRoutes, CorsSettings cors) {

    public ServerWiring {
        extensions = List.copyOf(extensions);
        observers = List.copyOf(observers);
    }
}

package io.appmessage.runtime;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.internal.config.ServerSettings;
import io.appmessage.runtime.internal.dispatch.ExpectedPlugins;
import io.appmessage.runtime.internal.dispatch.PollExtension;
import io.appmessage.runtime.internal.server.ServerRuntime;
import io.appmessage.runtime.internal.server.ServerWiring;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.presence.Presence;
import io.appmessage.runtime.spi.PollObserver;
import io.appmessage.spi.HandlerRegistry;
import io.undertow.server.HttpHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The parts an app wires into {@link AppMessageServer.Builder} in code, beside its settings: where the
 * handlers come from, who polls, what observes the polls. Each field's default is what the builder's
 * javadoc names; {@link #runtime} hands them to the runtime.
 */
final class ServerParts {

    List<HandlerRegistry> registries; // null: found with ServiceLoader
    ClassLoader classLoader; // null: the thread's context class loader
    Authenticator authenticator = Authenticator.ANONYMOUS;
    InstanceProvider instanceProvider = InstanceProvider.NONE;
    final List<PollExtension> extensions = new ArrayList<>();
    final List<PollObserver> observers = new ArrayList<>();
    Presence presence; // null: presence is off
    AppMessageOutbox outbox; // null: no targeted messages
    TopicAuthorizer topicAuthorizer = TopicAuthorizer.NONE; // with the public topics: who reads which topic
    Executor dispatcherExecutor; // null: a server-owned pool
    HttpHandler otherRoutes; // null: 404 with the envelope

    /** Sets the one presence of a server; a second one is a mistake in the app's wiring. */
    Presence presence(Presence presence) {
        if (this.presence != null) {
            throw new IllegalStateException("presence is already set; a server has one");
        }
        this.presence = Objects.requireNonNull(presence, "presence");
        return presence;
    }

    /** The given presence, or a failure that says how to switch presence on. */
    static Presence required(Presence presence) {
        if (presence == null) {
            throw new IllegalStateException("presence is off: build the server with"
                    + " .presence(Presence.local(Presence.DEFAULT_WINDOW)) (or Presence.redis(uri, window) for every node)");
        }
        return presence;
    }

    /**
     * The running parts for resolved {@code settings}: the outbox learns who may read which topic, the runtime
     * is wired, and a plugin the app expects but no registry brought fails the build, named.
     */
    ServerRuntime runtime(ServerSettings settings) {
        if (outbox != null) {
            outbox.authorizeTopicsWith(TopicAuthorizer.publicTopics(settings.publicTopics().toArray(String[]::new))
                    .or(topicAuthorizer), settings.maxTopicsPerPoll());
        }
        ServerRuntime runtime = new ServerRuntime(settings, wiring(settings.cors()));
        ExpectedPlugins.require(settings.expectedPlugins(), runtime.table());
        return runtime;
    }

    private ServerWiring wiring(CorsSettings cors) {
        return new ServerWiring(registries, classLoader, authenticator, instanceProvider, extensions, observers, outbox,
                dispatcherExecutor, otherRoutes, cors);
    }
}

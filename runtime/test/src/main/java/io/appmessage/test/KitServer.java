package io.appmessage.test;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.Identity;
import io.appmessage.spi.HandlerRegistry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The server both halves of the kit poll: the app's registries with every call recorded, an
 * authenticator that knows the kit's identities (other tokens go to the app's), no environment.
 */
final class KitServer implements AutoCloseable {

    /** The header that ties a poll to its record. */
    static final String POLL_HEADER = "X-AppMessage-Test-Poll";
    private static final String TOKEN_PREFIX = "appmessage-test-identity-";

    private final Map<String, PollRecord> records = new ConcurrentHashMap<>();
    private final Map<String, Identity> identities = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    final AppMessageServer server;

    KitServer(List<HandlerRegistry> registries, Authenticator appAuthenticator, Consumer<AppMessageServer.Builder> configure,
              boolean listen) {
        RecordingRegistry.PollRecords byHeader = this::recordOf;
        List<HandlerRegistry> recorded = registries.stream()
                .map(r -> (HandlerRegistry) new RecordingRegistry(r, byHeader))
                .toList();
        AppMessageServer.Builder builder = AppMessageServer.builder();
        configure.accept(builder);
        builder.environment(Map.of())
                .host("127.0.0.1")
                .port(0)
                .registries(recorded)
                .authenticator(token -> token.startsWith(TOKEN_PREFIX)
                        ? Optional.ofNullable(identities.get(token))
                        : appAuthenticator.authenticate(token));
        AppMessageServer built = builder.build();
        server = listen ? built.start() : built;
    }

    /** The registries ServiceLoader finds, as the server itself finds them. */
    static List<HandlerRegistry> discovered(ClassLoader loader) {
        List<HandlerRegistry> found = ServiceLoader.load(HandlerRegistry.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no HandlerRegistry on the test class path: is appmessage-processor on the"
                    + " annotationProcessorPaths of maven-compiler-plugin (3.5 or later), and was the project rebuilt"
                    + " (mvn clean test)?");
        }
        return found;
    }

    /** A token the authenticator answers with {@code identity}. */
    String tokenFor(Identity identity) {
        String token = TOKEN_PREFIX + ids.incrementAndGet();
        identities.put(token, identity);
        return token;
    }

    /** Opens the record of a new poll; send its id in {@link #POLL_HEADER}. */
    String openRecord() {
        String id = Long.toString(ids.incrementAndGet());
        records.put(id, new PollRecord());
        return id;
    }

    PollRecord.Snapshot closeRecord(String id) {
        return records.remove(id).answered();
    }

    private PollRecord recordOf(AppMessageRequest request) {
        String id = request.header(POLL_HEADER);
        return id == null ? null : records.get(id);
    }

    @Override
    public void close() {
        server.close();
    }
}

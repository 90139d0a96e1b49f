package io.appmessage.benchmarks.json;

import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.spi.JsonWriters;
import io.appmessage.InstanceProvider;
import java.util.List;
import java.util.Map;

/**
 * The runtime's own JSON path for one poll's data, reached through the public entry only: one handler pushes
 * the entries, and {@link AppMessageDispatcher#poll} answers the envelope, written by the runtime's envelope
 * writer with the writers the processor generated. The dispatcher runs the poll on the calling thread (a
 * direct executor), so no thread hand-off is measured: what {@code EnvelopeBenchmark.runtime} measures is the
 * envelope plus the poll engine's fixed work of a GET without HTTP (admission, query, identity, one handler
 * call), which {@code DispatchBenchmark} sizes on its own.
 *
 * <pre>{@code
 * try (RuntimeEnvelope envelope = new RuntimeEnvelope(new HandlerRegister(), TypicalEnvelope.data())) {
 *     byte[] json = envelope.write();
 * }
 * }</pre>
 */
public final class RuntimeEnvelope implements AutoCloseable {

    private final AppMessageServer server;
    private final AppMessageDispatcher dispatcher;

    public RuntimeEnvelope(HandlerRegistry writersOf, Map<String, ?> data) {
        HandlerRegistry pushesTheData = new HandlerRegistry() {
            @Override
            public List<HandlerDescriptor> handlers(InstanceProvider instances) {
                return List.of(HandlerDescriptor.imperative("benchmark#envelope", "", 0, (request, message) -> {
                    data.forEach(message::push);
                    return null;
                }));
            }

            @Override
            public void registerWriters(JsonWriters writers) {
                writersOf.registerWriters(writers);
            }
        };
        this.server = AppMessageServer.builder()
                .environment(Map.of())
                .registries(pushesTheData)
                .dispatcherExecutor(Runnable::run)
                .build();
        this.dispatcher = server.dispatcher();
    }

    public byte[] write() {
        return dispatcher.poll("GET", null, name -> null).toCompletableFuture().join().body();
    }

    @Override
    public void close() {
        server.close();
    }
}

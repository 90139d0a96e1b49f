package io.appmessage.test;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.InstanceProvider;
import io.appmessage.spi.HandlerCall;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.spi.JsonWriters;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A registry as the app wrote it, each handler call wrapped to note, per poll, what it pushed and
 * how it failed. The poll is found by a header the kit adds; polls without it pass through untouched.
 */
final class RecordingRegistry implements HandlerRegistry {

    private final HandlerRegistry delegate;
    private final PollRecords records;

    RecordingRegistry(HandlerRegistry delegate, PollRecords records) {
        this.delegate = delegate;
        this.records = records;
    }

    @Override
    public List<HandlerDescriptor> handlers(InstanceProvider instances) {
        return delegate.handlers(instances).stream()
                .map(d -> HandlerDescriptor.of(d.id(), d.plugin(), d.order(), d.kind(), d.key(), recording(d)))
                .toList();
    }

    @Override
    public void registerWriters(JsonWriters writers) {
        delegate.registerWriters(writers);
    }

    @Override
    public String toString() {
        return delegate.getClass().getName();
    }

    private HandlerCall recording(HandlerDescriptor handler) {
        HandlerCall call = handler.call();
        String id = handler.id();
        return (request, message) -> {
            PollRecord record = records.of(request);
            if (record == null) {
                return call.call(request, message);
            }
            record.started(id);
            Object result;
            try {
                result = call.call(request, pushing(record, message));
            } catch (Throwable e) {
                record.threw(id, e);
                throw e;
            }
            record.returned(id);
            if (handler.kind() == HandlerDescriptor.Kind.VALUE && result != null) {
                record.pushed(handler.key());
            } else if (handler.kind() == HandlerDescriptor.Kind.ASYNC && result instanceof CompletionStage<?> stage) {
                record.pending(id, stage);
                stage.whenComplete((value, error) -> {
                    if (error != null) {
                        record.threw(id, error);
                        return;
                    }
                    if (!handler.key().isEmpty() && value != null) {
                        record.pushed(handler.key());
                    }
                    record.settled(id);
                });
            }
            return result;
        };
    }

    private static AppMessage pushing(PollRecord record, AppMessage message) {
        return (key, data) -> {
            message.push(key, data);
            record.pushed(key);
        };
    }

    /** The records of the polls in flight, by the kit's header. */
    interface PollRecords {
        PollRecord of(AppMessageRequest request);
    }
}

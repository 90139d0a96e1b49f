package io.appmessage.runtime.internal.json;

import io.appmessage.spi.JsonSink;

/**
 * The sink {@link EnvelopeFields} write to: a {@link JsonSink} that can also copy JSON text that is
 * already serialized, such as a targeted message's data, without parsing it again.
 *
 * <pre>{@code
 * EnvelopeFields fields = sink -> { sink.name("data"); sink.rawValue(message.json()); };
 * }</pre>
 */
public interface EnvelopeSink extends JsonSink {

    /**
     * Writes {@code json} as one value, as it is. The caller guarantees it is exactly one valid JSON
     * value (the outbox checks every payload when it is sent).
     */
    void rawValue(String json);
}

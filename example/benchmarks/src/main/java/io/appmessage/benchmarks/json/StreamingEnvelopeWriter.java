package io.appmessage.benchmarks.json;

import io.appmessage.spi.HandlerRegistry;
import io.appmessage.spi.JsonWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * The poll envelope {@code {"code":0,"msg":"","data":{...}}} written the way AppMessage's runtime
 * writes it: jackson-core streaming, records through the processor's generated writers, no
 * databind and no reflection. Used by the JSON benchmark and the benchmark apps.
 *
 * <pre>{@code
 * StreamingEnvelopeWriter writer = StreamingEnvelopeWriter.withWritersOf(new HandlerRegister());
 * byte[] json = writer.write(data); // data: key -> pushed value, in push order
 * }</pre>
 */
public final class StreamingEnvelopeWriter {

    private static final SerializableString CODE = new SerializedString("code");
    private static final SerializableString MSG = new SerializedString("msg");
    private static final SerializableString DATA = new SerializedString("data");

    private final JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private final Function<Class<?>, JsonWriter<Object>> writers;

    public StreamingEnvelopeWriter(Function<Class<?>, JsonWriter<Object>> writers) {
        this.writers = writers;
    }

    /** A writer that knows the JSON writers {@code registry} generated. */
    @SuppressWarnings("unchecked")
    public static StreamingEnvelopeWriter withWritersOf(HandlerRegistry registry) {
        Map<Class<?>, JsonWriter<Object>> byClass = new HashMap<>();
        registry.registerWriters(new io.appmessage.spi.JsonWriters() {
            @Override
            public <T> void register(Class<T> type, JsonWriter<? super T> writer) {
                byClass.putIfAbsent(type, (JsonWriter<Object>) writer);
            }
        });
        return new StreamingEnvelopeWriter(byClass::get);
    }

    /** The envelope's bytes; {@code data} empty gives {@code "data":null}, as in the seed. */
    public byte[] write(Map<String, ?> data) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        try (JsonGenerator out = factory.createGenerator(ObjectWriteContext.empty(), bytes)) {
            JacksonJsonSink sink = new JacksonJsonSink(out, writers);
            out.writeStartObject();
            out.writeName(CODE);
            out.writeNumber(0);
            out.writeName(MSG);
            out.writeString("");
            out.writeName(DATA);
            if (data.isEmpty()) {
                out.writeNull();
            } else {
                out.writeStartObject();
                for (Map.Entry<String, ?> e : data.entrySet()) {
                    out.writeName(e.getKey());
                    sink.value(e.getValue());
                }
                out.writeEndObject();
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }
}

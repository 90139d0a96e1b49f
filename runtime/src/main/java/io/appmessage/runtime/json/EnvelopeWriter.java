package io.appmessage.runtime.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * Writes the seed's envelope {@code {"code":0,"msg":"","data":{…}}} (DESIGN.md, "Wire protocol")
 * as UTF-8 bytes with jackson-core streaming, and the error envelopes.
 *
 * <pre>{@code
 * byte[] body = envelopeWriter.success(entries, EnvelopeFields.NONE, listener);
 * }</pre>
 *
 * <p>A value that cannot be written drops its key only (issue 3, item 3). The answer is written
 * in one pass; only when a value fails half-way is it written again without that key, since a
 * streaming generator cannot take back half a value. Failures are bugs in the app, so the retry
 * costs nothing on the normal path.
 */
public final class EnvelopeWriter {

    /** How deep pushed data may nest; deeper (or a map that contains itself) drops the key. */
    public static final int MAX_NESTING_DEPTH = 200;

    private static final SerializableString CODE = new SerializedString("code");
    private static final SerializableString MSG = new SerializedString("msg");
    private static final SerializableString DATA = new SerializedString("data");

    private final JsonFactory factory;
    private final WriterTable writers;

    public EnvelopeWriter(WriterTable writers) {
        this.writers = writers;
        this.factory = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
    }

    /** The success envelope: {@code data} is {@code null} when {@code entries} is empty. */
    public byte[] success(DataEntries entries, EnvelopeFields extra, DroppedKeyListener listener) {
        boolean[] dropped = null;
        while (true) {
            ByteArrayBuilder out = new ByteArrayBuilder(256);
            int current = -1;
            try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
                JacksonJsonSink sink = new JacksonJsonSink(g, writers);
                g.writeStartObject();
                g.writeName(CODE);
                g.writeNumber(0);
                g.writeName(MSG);
                g.writeString("");
                g.writeName(DATA);
                if (liveCount(entries, dropped) == 0) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    for (int i = 0; i < entries.size(); i++) {
                        if (dropped != null && dropped[i]) {
                            continue;
                        }
                        current = i;
                        g.writeName(entries.key(i));
                        sink.value(entries.value(i));
                    }
                    current = -1;
                    g.writeEndObject();
                }
                extra.write(sink);
                g.writeEndObject();
            } catch (RuntimeException e) {
                if (current < 0) {
                    throw e; // not a pushed value: a bug in the runtime or an extension, answered as 500
                }
                if (dropped == null) {
                    dropped = new boolean[entries.size()];
                }
                dropped[current] = true;
                listener.dropped(entries.key(current), entries.producer(current), entries.value(current), e);
                continue;
            }
            return out.toByteArray();
        }
    }

    /**
     * One value as JSON text, with the same forms and generated record writers as pushed data: the
     * serializer the server gives a targeted-message outbox (issue 6, {@code send(userId, key, data)}).
     *
     * @throws UnwritableValueException naming the type when the value (or something in it) has no JSON form
     */
    public String json(Object value) {
        ByteArrayBuilder out = new ByteArrayBuilder(128);
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            new JacksonJsonSink(g, writers).value(value);
        }
        return new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An error envelope: {@code {"code":status,"msg":message,"data":null}}; built once per status at start. */
    public byte[] error(int code, String message) {
        ByteArrayBuilder out = new ByteArrayBuilder(64);
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeName(CODE);
            g.writeNumber(code);
            g.writeName(MSG);
            g.writeString(message);
            g.writeName(DATA);
            g.writeNull();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static int liveCount(DataEntries entries, boolean[] dropped) {
        if (dropped == null) {
            return entries.size();
        }
        int n = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (!dropped[i]) {
                n++;
            }
        }
        return n;
    }
}

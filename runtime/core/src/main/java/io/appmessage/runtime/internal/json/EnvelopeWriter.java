package io.appmessage.runtime.internal.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.ByteArrayBuilder;

import java.nio.charset.StandardCharsets;

/**
 * Writes the envelope {@code {"code":0,"msg":"","data":{…}}}
 * as UTF-8 bytes with jackson-core streaming, and the error envelopes.
 *
 * <pre>{@code
 * byte[] body = envelopeWriter.success(entries, EnvelopeFields.NONE, listener);
 * }</pre>
 *
 * <p>A value that cannot be written drops its key only, whatever user code
 * threw while it was written (an {@code Error} included, short of the JVM's own trouble). Each
 * value is written exactly once: a value that fails half-way is cut out of the buffer, so the
 * other keys, one-shot iterables included, are untouched.
 */
public final class EnvelopeWriter {

    /** How deep pushed data may nest; deeper (or a map that contains itself) drops the key. */
    public static final int MAX_NESTING_DEPTH = 200;

    /** Every success envelope starts with these bytes; {@code data}'s value follows. */
    private static final byte[] PREFIX = "{\"code\":0,\"msg\":\"\",\"data\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);
    private static final SerializableString CODE = new SerializedString("code");
    private static final SerializableString MSG = new SerializedString("msg");
    private static final SerializableString DATA = new SerializedString("data");

    private final JsonFactory factory;
    private final WriterTable writers;
    /** Each thread's buffer and generator, reused from envelope to envelope. */
    private final ThreadLocal<EnvelopeScratch> scratches;

    public EnvelopeWriter(WriterTable writers) {
        this.writers = writers;
        this.factory = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                // a generator dropped mid-value must not close what it had open into the buffer
                .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                // success() writes keys and values as consecutive root values
                .rootValueSeparator((String) null)
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        this.scratches = ThreadLocal.withInitial(() -> new EnvelopeScratch(factory, writers));
    }

    /**
     * The success envelope: {@code data} is {@code null} when {@code entries} is empty. An entry
     * whose value cannot be written is left out and marked in {@code entries}
     * ({@link DataEntries#droppedCount()}): the caller reports what was dropped.
     */
    public byte[] success(DataEntries entries, EnvelopeFields extra) {
        EnvelopeScratch scratch = scratches.get();
        if (scratch.inUse) {
            // a value's own code wrote an envelope while this thread was writing one
            return write(new EnvelopeScratch(factory, writers), entries, extra);
        }
        scratch.inUse = true;
        try {
            return write(scratch, entries, extra);
        } finally {
            scratch.release();
        }
    }

    private byte[] write(EnvelopeScratch scratch, DataEntries entries, EnvelopeFields extra) {
        AnswerBuffer out = scratch.out;
        out.write(PREFIX, 0, PREFIX.length);
        boolean clean = false;
        try {
            JsonGenerator g = scratch.generator();
            boolean open = false;
            for (int i = 0; i < entries.size(); i++) {
                // everything before this entry is in the buffer (the last entry ended with a flush), so
                // its length marks where this entry begins; the entry itself goes through the generator
                // and is flushed once, at its end
                int mark = out.size();
                try {
                    // name and value as two root values of one generator (no separator between root values)
                    g.writeRaw(open ? ',' : '{');
                    g.writeString(WellFormedText.of(entries.key(i)));
                    g.writeRaw(':');
                    scratch.sink().value(entries.value(i));
                    g.flush();
                    open = true;
                } catch (Throwable e) {
                    if (isFatal(e)) {
                        throw (Error) e;
                    }
                    // user code (an Iterable, a map view, a record accessor) failed half-way: this
                    // generator's state is lost, so the entry is cut out and a fresh generator goes on
                    closeQuietly(g);
                    scratch.discardGenerator();
                    out.truncate(mark);
                    g = scratch.generator();
                    entries.markDropped(i, e);
                }
            }
            if (open) {
                out.write('}');
            } else {
                out.write(NULL, 0, NULL.length);
            }
            // the extra fields are written as an object of their own whose '{' becomes the ',' after data
            int fieldsStart = out.size();
            g.writeStartObject();
            extra.write(scratch.sink());
            g.writeEndObject();
            g.flush(); // not closed: the generator writes this thread's next envelope too
            if (out.size() - fieldsStart == 2) {
                out.truncate(fieldsStart); // "{}": no extra fields
                out.write('}');
            } else {
                out.set(fieldsStart, (byte) ',');
            }
            clean = true;
            return out.toByteArray();
        } finally {
            if (!clean) {
                scratch.discardGenerator(); // left mid-value by whatever escaped
            }
        }
    }

    /**
     * Errors a poll cannot take as one value's fault: the JVM is in trouble. A StackOverflowError
     * is the value's own (deep recursion in user code) and leaves the thread usable once unwound.
     */
    public static boolean isFatal(Throwable e) {
        return e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
    }

    private static void closeQuietly(JsonGenerator g) {
        try {
            g.close();
        } catch (RuntimeException ignored) {
            // a generator left mid-value may refuse to close; its output is cut away anyway
        }
    }

    /**
     * One value as JSON text, with the same forms and generated record writers as pushed data: the
     * serializer the server gives a targeted-message outbox ({@code send(userId, key, data)}).
     *
     * @throws UnwritableValueException naming the type when the value (or something in it) has no JSON form
     */
    public String json(Object value) {
        ByteArrayBuilder out = new ByteArrayBuilder(128);
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            new JacksonJsonSink(g, writers).value(value);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** An error envelope: {@code {"code":status,"msg":message,"data":null}}; built once per status at start. */
    public byte[] error(int code, String message) {
        ByteArrayBuilder out = new ByteArrayBuilder(64);
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeName(CODE);
            g.writeNumber(code);
            g.writeName(MSG);
            g.writeString(WellFormedText.of(message));
            g.writeName(DATA);
            g.writeNull();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

}

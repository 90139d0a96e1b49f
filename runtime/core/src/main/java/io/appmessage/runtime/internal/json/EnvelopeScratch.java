package io.appmessage.runtime.internal.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One thread's reusable parts for writing success envelopes: the growable buffer, the jackson-core
 * generator writing into it and the sink over that generator. An envelope is written into these and
 * only its final bytes are copied out, so a poll allocates its answer's bytes and nothing else here.
 * A generator whose state is in doubt (a value failed half-way, an error escaped) is replaced; a
 * buffer that grew for an unusually large answer is not kept.
 */
final class EnvelopeScratch {

    /** A buffer larger than this after an answer is let go, so one huge answer does not pin memory per thread. */
    static final int MAX_KEPT_BYTES = 64 * 1024;
    private static final int INITIAL_BYTES = 1024;

    private final JsonFactory factory;
    private final WriterTable writers;
    AnswerBuffer out = new AnswerBuffer(INITIAL_BYTES);
    private JsonGenerator generator;
    private JacksonJsonSink sink;
    /** True while an envelope is being written with these parts (a value's own code could start another). */
    boolean inUse;

    EnvelopeScratch(JsonFactory factory, WriterTable writers) {
        this.factory = factory;
        this.writers = writers;
    }

    /** The generator writing into {@link #out}, made when there is none. */
    JsonGenerator generator() {
        if (generator == null) {
            generator = factory.createGenerator(ObjectWriteContext.empty(), out);
            sink = new JacksonJsonSink(generator, writers);
        }
        return generator;
    }

    /** The sink over {@link #generator()}. */
    JacksonJsonSink sink() {
        generator();
        return sink;
    }

    /** Drops the generator (its state is lost); the next {@link #generator()} makes a fresh one. */
    void discardGenerator() {
        generator = null;
        sink = null;
    }

    /** The envelope is done: the parts are free again, empty, and small. */
    void release() {
        inUse = false;
        if (out.capacity() > MAX_KEPT_BYTES) {
            out = new AnswerBuffer(INITIAL_BYTES);
            discardGenerator(); // it writes into the buffer let go
        } else {
            out.truncate(0);
        }
    }
}

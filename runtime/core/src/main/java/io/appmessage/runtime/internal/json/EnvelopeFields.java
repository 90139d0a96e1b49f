package io.appmessage.runtime.internal.json;

/**
 * Extra top-level fields written after {@code data} in the envelope. The seam for targeted
 * messages ({@code messages}, {@code cursor}, {@code recovered}); old clients ignore them.
 *
 * <pre>{@code
 * EnvelopeFields fields = sink -> {
 *     sink.name("cursor"); sink.string(cursor);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface EnvelopeFields {

    /** No extra fields. */
    EnvelopeFields NONE = sink -> { };

    /** Writes {@code name}/value pairs; the envelope object is open. */
    void write(EnvelopeSink sink);
}

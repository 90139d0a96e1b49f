package io.appmessage.benchmarks.json;

import io.appmessage.spi.HandlerRegistry;
import io.appmessage.runtime.internal.json.DataEntries;
import io.appmessage.runtime.internal.json.EnvelopeFields;
import io.appmessage.runtime.internal.json.EnvelopeWriter;
import io.appmessage.runtime.internal.json.WriterTable;
import java.util.Map;

/**
 * The runtime's own JSON path for one poll's data: the pushed entries as the runtime collects them
 * ({@link DataEntries}) written by its {@link EnvelopeWriter} with the writers the processor
 * generated. What {@code EnvelopeBenchmark.runtime} measures.
 *
 * <pre>{@code
 * RuntimeEnvelope envelope = new RuntimeEnvelope(new HandlerRegister(), TypicalEnvelope.data());
 * byte[] json = envelope.write();
 * }</pre>
 */
public final class RuntimeEnvelope {

    private final EnvelopeWriter writer;
    private final DataEntries entries;

    public RuntimeEnvelope(HandlerRegistry registry, Map<String, ?> data) {
        WriterTable writers = new WriterTable();
        registry.registerWriters(writers.registration());
        this.writer = new EnvelopeWriter(writers.freeze());
        this.entries = new DataEntries(data.size());
        data.forEach((key, value) -> entries.add(key, value, "benchmark#" + key));
    }

    public byte[] write() {
        byte[] body = writer.success(entries, EnvelopeFields.NONE);
        if (entries.droppedCount() > 0) {
            throw new IllegalStateException("benchmark data must all be writable: "
                    + entries.key(entries.droppedIndex(0)), entries.droppedCause(0));
        }
        return body;
    }
}

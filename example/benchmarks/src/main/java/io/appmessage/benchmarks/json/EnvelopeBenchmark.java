package io.appmessage.benchmarks.json;

import io.appmessage.benchmarks.dispatch.DispatchRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5, item 2: writing one typical poll envelope (strings, maps, a record, a list) to bytes,
 * through the runtime's JSON path ({@code EnvelopeWriter}: jackson-core streaming + the
 * processor's generated record writers) against jackson-databind writing the same value by
 * reflection. {@code streaming} is this module's own minimal writer of the same kind (the scanning
 * app's), for reference. All produce identical bytes (a test checks it).
 *
 * <pre>{@code
 * java -jar target/benchmarks.jar EnvelopeBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class EnvelopeBenchmark {

    private final Map<String, Object> data = TypicalEnvelope.data();
    private final RuntimeEnvelope runtime = new RuntimeEnvelope(DispatchRegistry.generated(), data);
    private final StreamingEnvelopeWriter streaming = StreamingEnvelopeWriter.withWritersOf(DispatchRegistry.generated());
    private final DatabindEnvelopeWriter databind = new DatabindEnvelopeWriter();

    @Benchmark
    public byte[] runtime() {
        return runtime.write();
    }

    @Benchmark
    public byte[] streaming() {
        return streaming.write(data);
    }

    @Benchmark
    public byte[] jacksonDatabind() {
        return databind.write(data);
    }
}

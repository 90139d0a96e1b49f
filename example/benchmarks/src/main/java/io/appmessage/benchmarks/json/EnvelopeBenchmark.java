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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing one typical poll envelope (strings, maps, a record, a list) to bytes: {@code runtime} through
 * the runtime's public entry ({@link RuntimeEnvelope}: the dispatcher on the calling thread, its envelope
 * writer on jackson-core streaming with the processor's generated record writers, plus the poll engine's
 * fixed per-poll work), against jackson-databind writing the same value by reflection. {@code streaming} is
 * this module's own minimal writer of the runtime's kind (the scanning app's): the JSON part alone, so
 * {@code runtime - streaming} is about what the poll engine adds. All produce identical bytes (a test checks it).
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

    @TearDown
    public void closeTheServer() {
        runtime.close();
    }

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

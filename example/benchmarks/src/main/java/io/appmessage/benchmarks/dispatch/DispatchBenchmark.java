package io.appmessage.benchmarks.dispatch;

import io.appmessage.benchmarks.dispatch.handlers.DirectCalls;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of one poll's dispatch for 1, 10 and 100 handlers. Every variant calls
 * the same handler methods with the same collector; only the way the calls are made differs:
 * {@code direct} (hand-written calls, the floor), {@code generated} (the processor's
 * {@code HandlerRegister}), {@code eventBus} (Guava) and {@code reflective} (cached {@code Method.invoke}).
 * Run with {@code -prof gc} for bytes per poll ({@code gc.alloc.rate.norm}).
 *
 * <pre>{@code
 * java -jar target/benchmarks.jar DispatchBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DispatchBenchmark {

    @Param({"1", "10", "100"})
    public int handlers;

    private final FixedRequest request = new FixedRequest("alice");
    private final ArrayAppMessage message = new ArrayAppMessage(128);
    private DirectCalls direct;
    private GeneratedDispatch generated;
    private EventBusDispatch eventBus;
    private ReflectiveDispatch reflective;

    @Setup
    public void setUp() {
        direct = new DirectCalls();
        generated = GeneratedDispatch.firstOf(DispatchRegistry.generated(), handlers);
        eventBus = new EventBusDispatch(handlers);
        reflective = new ReflectiveDispatch(handlers);
    }

    @Benchmark
    public void direct(Blackhole blackhole) {
        message.reset();
        switch (handlers) {
            case 1 -> direct.poll1(message);
            case 10 -> direct.poll10(message);
            case 100 -> direct.poll100(message);
            default -> throw new IllegalArgumentException("handlers: 1, 10 or 100");
        }
        blackhole.consume(message);
    }

    @Benchmark
    public void generated(Blackhole blackhole) {
        message.reset();
        generated.poll(request, message);
        blackhole.consume(message);
    }

    @Benchmark
    public void eventBus(Blackhole blackhole) {
        message.reset();
        eventBus.poll(message);
        blackhole.consume(message);
    }

    @Benchmark
    public void reflective(Blackhole blackhole) throws ReflectiveOperationException {
        message.reset();
        reflective.poll(message);
        blackhole.consume(message);
    }
}

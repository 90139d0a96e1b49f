package io.appmessage.benchmarks.poll;

import io.appmessage.benchmarks.apps.PollApp;
import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.AppMessageServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole poll through the runtime without HTTP: query and identity, the ten shop handlers of
 * the generated registry, the envelope bytes ({@code AppMessageDispatcher}, the framework-neutral
 * entry point). With {@code -prof gc} its B/op is what a poll allocates besides Undertow's own
 * request objects, to set against the issue-5 target "no allocation per poll beyond the request's
 * own objects and the response bytes" (the answer is about 400-500 B).
 *
 * <pre>{@code
 * java -jar target/benchmarks.jar RuntimePollBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RuntimePollBenchmark {

    /** Anonymous polls get no order_status; alice's do. */
    @Param({"anonymous", "alice"})
    public String user;

    private AppMessageServer server;
    private AppMessageDispatcher dispatcher;
    private Function<String, String> headers;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // the poll on the benchmark's thread: what is measured is the poll's own work, not the hand-over
        // to the dispatcher's default pool and back (a thread hop, tens of microseconds here)
        server = PollApp.builder().environment(Map.of()).port(0).dispatcherExecutor(Runnable::run).build();
        dispatcher = server.dispatcher();
        String token = user.equals("anonymous") ? null : "demo-" + user;
        headers = name -> token != null && name.equalsIgnoreCase("X-Access-Token") ? token : null;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }

    @Benchmark
    public byte[] poll() {
        return dispatcher.poll("GET", null, headers).toCompletableFuture().join().body();
    }
}

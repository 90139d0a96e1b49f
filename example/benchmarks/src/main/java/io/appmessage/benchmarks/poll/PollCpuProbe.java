package io.appmessage.benchmarks.poll;

import io.appmessage.benchmarks.apps.PollApp;
import io.appmessage.benchmarks.dispatch.ArrayAppMessage;
import io.appmessage.benchmarks.dispatch.DispatchRegistry;
import io.appmessage.benchmarks.dispatch.FixedRequest;
import io.appmessage.benchmarks.dispatch.GeneratedDispatch;
import io.appmessage.benchmarks.dispatch.handlers.DirectCalls;
import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.AppMessageServer;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time and bytes per operation on the calling thread's own clock and allocation counter, so other
 * processes on a shared machine do not count (JMH's wall clock does): the whole poll of
 * {@link RuntimePollBenchmark} (anonymous and alice) and the dispatch of {@code DispatchBenchmark} (direct
 * and generated, 1, 10 and 100 handlers). Prints {@code RESULT} lines, the least of five batches after a
 * warm-up. Run it with two jars in turn to compare them on a loaded machine.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.appmessage.benchmarks.poll.PollCpuProbe poll 100000
 * java -cp target/benchmarks.jar io.appmessage.benchmarks.poll.PollCpuProbe dispatch 2000000
 * }</pre>
 */
public final class PollCpuProbe {
    private static final com.sun.management.ThreadMXBean MX = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static long sink;

    private PollCpuProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("poll") || args[0].equals("dispatch"))) {
            System.err.println("usage: PollCpuProbe poll|dispatch <operations per batch>");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String what = args[0];
        int n = Integer.parseInt(args[1]);
        if (what.equals("poll")) {
            AppMessageServer server = PollApp.builder().environment(Map.of()).port(0).dispatcherExecutor(Runnable::run).build();
            AppMessageDispatcher d = server.dispatcher();
            for (String user : new String[] {"anonymous", "alice"}) {
                String token = user.equals("anonymous") ? null : "demo-" + user;
                Function<String, String> h = name -> token != null && name.equalsIgnoreCase("X-Access-Token") ? token : null;
                Runnable op = () -> sink += d.poll("GET", null, h).toCompletableFuture().join().body().length;
                measure("poll " + user, op, n);
            }
            server.close();
        } else {
            FixedRequest request = new FixedRequest("alice");
            ArrayAppMessage message = new ArrayAppMessage(128);
            DirectCalls direct = new DirectCalls();
            for (int count : new int[] {1, 10, 100}) {
                GeneratedDispatch g = GeneratedDispatch.firstOf(DispatchRegistry.generated(), count);
                int ops = n * 10 / count;
                Runnable gen = () -> { message.reset(); g.poll(request, message); sink += message.size(); };
                Runnable dir = switch (count) {
                    case 1 -> () -> { message.reset(); direct.poll1(message); sink += message.size(); };
                    case 10 -> () -> { message.reset(); direct.poll10(message); sink += message.size(); };
                    default -> () -> { message.reset(); direct.poll100(message); sink += message.size(); };
                };
                measure("direct " + count, dir, ops);
                measure("generated " + count, gen, ops);
            }
        }
    }

    /** Warm-up, then 5 measured batches: the least CPU ns per op and the bytes per op. */
    private static void measure(String name, Runnable op, int n) {
        for (int i = 0; i < n * 3; i++) op.run();
        double best = Double.MAX_VALUE; double bytes = 0;
        for (int b = 0; b < 5; b++) {
            long t = Thread.currentThread().getId();
            long a0 = MX.getThreadAllocatedBytes(t);
            long c0 = MX.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) op.run();
            long c1 = MX.getCurrentThreadCpuTime();
            long a1 = MX.getThreadAllocatedBytes(t);
            best = Math.min(best, (c1 - c0) / (double) n);
            bytes = (a1 - a0) / (double) n;
        }
        System.out.printf("RESULT %s cpu_ns=%.1f bytes=%.0f%n", name, best, bytes);
    }
}

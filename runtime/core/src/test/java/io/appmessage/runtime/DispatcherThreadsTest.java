package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.runtime.internal.dispatch.PollContext;
import io.appmessage.runtime.internal.dispatch.PollExtension;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The framework-neutral dispatcher (Servlet, Spring) runs polls on a server-owned executor: held
 * polls resume, and deadline answers are built, on its threads, never on the deadline timer's one
 * thread or on whichever thread woke the poll; {@code pollOnCallingThread} starts them on the caller's.
 */
class DispatcherThreadsTest {

    private static final String TIMER_THREAD = "appmessage-deadline";

    /** Records the threads that run handlers and build answers. */
    private static final class Threads implements PollExtension {
        final Queue<String> names = new ConcurrentLinkedQueue<>();

        @Override
        public void afterHandlers(PollContext poll) {
            names.add(Thread.currentThread().getName());
        }
    }

    private static AppMessageServer.Builder builder(Threads threads) {
        return Servers.builder(TestRegistry.of(
                        HandlerDescriptor.value("T#sync", "", 0, "sync", (request, message) -> {
                            threads.names.add(Thread.currentThread().getName());
                            return "ok";
                        }),
                        HandlerDescriptor.async("T#never", "", 1, "never", (request, message) -> new CompletableFuture<>())))
                .pollDeadline(Duration.ofMillis(100))
                .extension(threads);
    }

    @Test
    void heldPollAndDeadlineAnswer_runOnTheDispatcherExecutor_notOnTheTimerThread() throws Exception {
        Threads threads = new Threads();
        AppMessageServer server = builder(threads).build(); // not started: the Servlet/Spring case
        try {
            // wait=1: held, ended by the timer; then the async handler misses the deadline (timer again)
            PollResponse answer = server.dispatcher().poll("GET", "wait=1", Map.<String, String>of()::get)
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"sync\":\"ok\"},\"wait\":1}");
            assertThat(threads.names).hasSize(2).allSatisfy(name -> assertThat(name)
                    .isNotEqualTo(TIMER_THREAD).startsWith("appmessage-dispatch-"));
        } finally {
            server.close();
        }
    }

    @Test
    void dispatcherExecutor_runsHandlersOnTheAppsExecutor() throws Exception {
        Threads threads = new Threads();
        ExecutorService own = Executors.newFixedThreadPool(2, r -> new Thread(r, "app-pool"));
        AppMessageServer server = builder(threads).dispatcherExecutor(own).build();
        try {
            server.dispatcher().poll("GET", null, Map.<String, String>of()::get).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(threads.names).containsExactly("app-pool", "app-pool");
        } finally {
            server.close();
            own.shutdown();
        }
    }

    @Test
    void pollOnCallingThread_ofSyncHandlers_isAnsweredBeforeItReturns_onTheCallersThread() {
        Queue<String> names = new ConcurrentLinkedQueue<>();
        AppMessageServer server = Servers.builder(TestRegistry.of(
                HandlerDescriptor.value("T#sync", "", 0, "sync", (request, message) -> {
                    names.add(Thread.currentThread().getName());
                    return "ok";
                }))).build();
        try {
            CompletableFuture<PollResponse> answer = server.dispatcher()
                    .pollOnCallingThread("GET", null, Map.<String, String>of()::get, null).toCompletableFuture();
            assertThat(answer).isDone();
            assertThat(new String(answer.join().body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"sync\":\"ok\"}}");
            assertThat(names).containsExactly(Thread.currentThread().getName());
        } finally {
            server.close();
        }
    }

    @Test
    void pollOnCallingThread_withAnAsyncHandler_returnsEarly_andIsAnsweredOnTheDispatcherExecutor() throws Exception {
        Threads threads = new Threads();
        AppMessageServer server = builder(threads).build();
        try {
            CompletableFuture<PollResponse> answer = server.dispatcher()
                    .pollOnCallingThread("GET", null, Map.<String, String>of()::get, null).toCompletableFuture();
            assertThat(answer).as("the async handler has not answered: the caller does not wait for it").isNotDone();
            assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            String[] names = threads.names.toArray(new String[0]);
            assertThat(names).hasSize(2);
            assertThat(names[0]).as("the sync handler").isEqualTo(Thread.currentThread().getName());
            assertThat(names[1]).as("the answer after the deadline").startsWith("appmessage-dispatch-");
        } finally {
            server.close();
        }
    }
}

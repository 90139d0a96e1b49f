package io.appmessage.runtime.internal.server;

import io.appmessage.runtime.internal.config.ServerSettings;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor of {@code AppMessageDispatcher}: as many threads as Undertow's worker pool
 * would have ({@code workerThreads}, else eight per IO thread), started on first use and retired
 * when idle, so a server used only through Undertow pays nothing for it. The queue needs no bound
 * of its own: admission ({@code maxInFlight}) bounds the polls that reach it.
 */
final class DispatcherPool {

    private DispatcherPool() {
    }

    static ExecutorService create(ServerSettings settings) {
        int io = settings.ioThreads() > 0 ? settings.ioThreads() : Math.max(2, Runtime.getRuntime().availableProcessors());
        int threads = settings.workerThreads() > 0 ? settings.workerThreads() : io * 8;
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "appmessage-dispatch-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}

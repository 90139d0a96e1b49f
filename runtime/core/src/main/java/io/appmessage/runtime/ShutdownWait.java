package io.appmessage.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What {@link AppMessageServer#awaitShutdown()} waits on: released when the JVM is asked to stop
 * (SIGTERM, Ctrl-C) or the server's close begins; the JVM's stop then waits for the close to finish,
 * up to the shutdown grace and ten seconds more, so polls in flight are answered before it exits.
 */
final class ShutdownWait {

    private static final long EXTRA_PATIENCE_MILLIS = 10_000;

    private final CountDownLatch stopAsked = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Blocks until {@link #closing()} or the JVM's stop; a JVM stop then waits for {@link #closed()}. */
    void await(Duration shutdownGrace) throws InterruptedException {
        long patienceMillis = shutdownGrace.toMillis() + EXTRA_PATIENCE_MILLIS;
        Thread hook = new Thread(() -> {
            stopAsked.countDown();
            try {
                stopped.await(patienceMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "appmessage-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopAsked.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException stopping) {
                // the JVM is stopping: the hook stays and waits for the close
            }
        }
    }

    /** The close has begun: releases {@link #await}. */
    void closing() {
        stopAsked.countDown();
    }

    /** The close has finished: lets a JVM stop go on. */
    void closed() {
        stopped.countDown();
    }
}

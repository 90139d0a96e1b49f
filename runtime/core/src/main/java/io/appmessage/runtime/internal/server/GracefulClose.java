package io.appmessage.runtime.internal.server;

import io.appmessage.runtime.internal.http.UndertowServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The close sequence of a server: refuse new polls (503 with Connection: close, health 503), answer
 * every held long-poll at once, wait up to the shutdown grace for polls in flight to be answered and
 * their answers written, then stop Undertow, the deadline timer, the server-owned pool, the
 * delivery stage and the server-owned signal. A given outbox is not closed: the app closes it after.
 */
final class GracefulClose {

    private static final Logger LOG = LoggerFactory.getLogger("io.appmessage.runtime.AppMessageServer");

    private GracefulClose() {
    }

    static void run(ServerRuntime server, UndertowServer running) {
        // Undertow cannot stop accepting without closing open connections (ListenerInfo.suspend
        // closes them, in-flight polls included), so during the grace new polls are answered 503
        // with Connection: close and health answers 503; the listener closes after the drain.
        server.engine.beginClose();
        server.delivery.releaseAll(); // held polls are answered now (with Connection: close), not cut when Undertow stops
        long graceMillis = server.settings.shutdownGrace().toMillis();
        try {
            long graceEnd = System.nanoTime() + server.settings.shutdownGrace().toNanos();
            if (!server.engine.awaitIdle(graceMillis)) {
                LOG.warn("shutdown grace of {} ms passed with {} polls still in flight; stopping anyway",
                        graceMillis, server.engine.inFlight());
            }
            // answers are written asynchronously after a poll leaves the in-flight count: let the
            // last ones reach their sockets before stopping Undertow closes the connections
            server.httpHandler.awaitAnswersWritten(Math.max(0, (graceEnd - System.nanoTime()) / 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running != null) {
            running.stop();
        }
        server.timer.shutdownNow();
        if (server.ownDispatcherPool != null) {
            server.ownDispatcherPool.shutdown(); // polls in flight were drained above; an idle pool has no threads
        }
        server.delivery.close();
        if (server.ownSignal) {
            server.signal.close();
        }
        LOG.info("AppMessage stopped");
    }
}

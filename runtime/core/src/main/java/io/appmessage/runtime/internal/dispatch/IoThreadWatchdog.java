package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.internal.shared.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Catches a handler declared non-blocking that blocks the I/O thread it runs on. A poll on an I/O
 * thread marks itself in its thread's {@link Watch} (a plain release store, no clock read);
 * a periodic check, every half threshold on the server's timer thread, looks at which handler each
 * I/O thread is running. One seen running on the same poll for longer than the threshold is logged,
 * naming it, at most one line per handler and fault-log interval, once the thread is seen holding
 * on for real: waiting (a lock, a sleep, a future), inside a native call (a socket or file read), or
 * busy on the CPU for at least half that time. A thread the operating system did not schedule, or
 * one stopped for a garbage collection, is none of these, so a busy machine raises no false alarm.
 *
 * <pre>{@code
 * IoThreadWatchdog.Watch watch = watchdog.enter(poll);
 * try { poll.runHandlers(); } finally { watch.exit(); }
 * }</pre>
 */
final class IoThreadWatchdog {

    /** The logger of the watchdog's line, named for what it watches. */
    static final String LOGGER = "io.appmessage.runtime.NonBlockingHandlers";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final long thresholdNanos;
    private final long logIntervalNanos;
    private final CopyOnWriteArrayList<Watch> watches = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Watch> ownWatch = ThreadLocal.withInitial(this::newWatch);
    /** The check's thread only. */
    private final Map<String, RateLimitedLog> logs = new HashMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private IoThreadWatchdog(long thresholdNanos, long logIntervalNanos) {
        this.thresholdNanos = thresholdNanos;
        this.logIntervalNanos = logIntervalNanos;
    }

    /** A watchdog checking on {@code timer} every half {@code thresholdNanos} (at least every millisecond). */
    static IoThreadWatchdog start(ScheduledExecutorService timer, long thresholdNanos, long logIntervalNanos) {
        IoThreadWatchdog watchdog = new IoThreadWatchdog(thresholdNanos, logIntervalNanos);
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(1), thresholdNanos / 2);
        timer.scheduleAtFixedRate(watchdog::check, period, period, TimeUnit.NANOSECONDS);
        return watchdog;
    }

    /** {@code poll} runs its handlers on this I/O thread from now until {@link Watch#exit}. */
    Watch enter(HandlerRun poll) {
        Watch watch = ownWatch.get();
        RUNNING.setRelease(watch, poll);
        return watch;
    }

    private Watch newWatch() {
        Watch watch = new Watch(Thread.currentThread());
        watches.add(watch);
        return watch;
    }

    private void check() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            HandlerRun poll = (HandlerRun) RUNNING.getAcquire(watch);
            HandlerSlot handler = poll == null ? null : poll.runningHandler();
            if (handler == null) {
                watch.seenPoll = null;
                watch.seenHandler = null;
                continue;
            }
            if (poll != watch.seenPoll || handler != watch.seenHandler) {
                watch.seenPoll = poll;
                watch.seenHandler = handler;
                watch.seenAt = now;
                watch.cpuAt = cpuTime(watch.thread);
                watch.reported = false;
                continue;
            }
            long held = now - watch.seenAt;
            if (!watch.reported && held >= thresholdNanos && holdsOn(watch, held)) {
                watch.reported = true;
                report(handler, watch.thread.getName(), held);
            }
        }
    }

    /** Whether the thread itself is holding on, rather than left unscheduled or stopped by the JVM. */
    private boolean holdsOn(Watch watch, long heldNanos) {
        Thread thread = watch.thread;
        Thread.State state = thread.getState();
        if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
            return true;
        }
        long cpu = cpuTime(thread);
        if (cpu >= 0 && watch.cpuAt >= 0 && cpu - watch.cpuAt >= heldNanos / 2) {
            return true;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod(); // a blocking read or write
    }

    private long cpuTime(Thread thread) {
        try {
            return threads.getThreadCpuTime(thread.getId());
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    private void report(HandlerSlot handler, String threadName, long heldNanos) {
        RateLimitedLog limiter = logs.computeIfAbsent(handler.id, id -> new RateLimitedLog(logIntervalNanos));
        int heldBack = limiter.tryAcquire();
        if (heldBack < 0) {
            return;
        }
        LOG.warn("non-blocking handler {} has held I/O thread {} for {} ms (threshold {} ms): every connection of"
                        + " that thread waits meanwhile; if it blocks (I/O, locks, sleeps), declare it blocking{}",
                handler.id, threadName, TimeUnit.NANOSECONDS.toMillis(heldNanos),
                TimeUnit.NANOSECONDS.toMillis(thresholdNanos), RateLimitedLog.heldBackSuffix(heldBack, "lines"));
    }

    /** One I/O thread's mark: the poll running handlers there, or null. */
    static final class Watch {
        private final Thread thread;
        @SuppressWarnings("unused") // through RUNNING
        private volatile HandlerRun running;
        /** The check's thread only: what it saw last, since when. */
        private HandlerRun seenPoll;
        private HandlerSlot seenHandler;
        private long seenAt;
        private long cpuAt;
        private boolean reported;

        private Watch(Thread thread) {
            this.thread = thread;
        }

        /** The poll left this thread (answered, or waiting with no thread). */
        void exit() {
            RUNNING.setRelease(this, null);
        }
    }

    private static final VarHandle RUNNING;

    static {
        try {
            RUNNING = MethodHandles.lookup().findVarHandle(Watch.class, "running", HandlerRun.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

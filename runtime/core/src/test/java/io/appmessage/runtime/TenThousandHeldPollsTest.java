package io.appmessage.runtime;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: "10,000 concurrent held polls on one node (real HTTP on loopback): all answered, thread
 * count bounded, no errors". The clients live in a child JVM ({@link HeldPollClientMain}): one
 * process cannot hold both ends of 10,000 connections under this machine's 20,000 descriptor limit.
 */
class TenThousandHeldPollsTest {

    private static final Logger LOG = LoggerFactory.getLogger(TenThousandHeldPollsTest.class);
    private static final int POLLS = 10_000;
    private static final int WAIT_SECONDS = 25;

    @Test
    void tenThousandHeldPolls_allAnsweredAfterNotifyAllUsers_withBoundedThreads() throws Exception {
        requireFileDescriptors(POLLS + 1_000);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (AppMessageServer server = Delivery.builder().build().start()) {
            Http.get(server, Delivery.POLL); // warm: IO and first worker threads exist
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = threads.getThreadCount();

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HeldPollClientMain.class.getName(),
                    Integer.toString(server.port()), Integer.toString(POLLS), Integer.toString(WAIT_SECONDS), "80")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // the child ended
                }
            });
            reader.start();
            try {
                for (int i = 0; i < 600 && server.heldPolls() < POLLS; i++) { // up to 60 s on a busy box
                    Thread.sleep(100);
                }
                assertThat(server.heldPolls()).as("polls held at once").isEqualTo(POLLS);
                int threadsHeld = threads.getThreadCount();
                long heapHeld = usedHeapAfterGc();
                LOG.info("{} held polls: threads {} before, {} while held; heap {} MiB before, {} MiB while held"
                                + " (~{} bytes per held poll, connection and exchange included)", POLLS, threadsBefore,
                        threadsHeld, heapBefore >> 20, heapHeld >> 20, (heapHeld - heapBefore) / POLLS);

                server.notifyAllUsers();
                String result = lines.poll(60, TimeUnit.SECONDS);
                while (result != null && !result.startsWith("answered")) {
                    result = lines.poll(60, TimeUnit.SECONDS);
                }
                assertThat(result).as("the client's tally").startsWith("answered " + POLLS + " failed 0");
                // relative to the threads before: earlier tests in the same JVM may leave idle threads behind
                assertThat(threadsHeld - threadsBefore).as("threads added by holding 10,000 polls: none per poll")
                        .isLessThan(50);
                for (int i = 0; i < 100 && server.heldPolls() > 0; i++) {
                    Thread.sleep(50);
                }
                assertThat(server.heldPolls()).isZero();
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Says clearly why the test cannot run, instead of failing later with "Too many open files". */
    private static void requireFileDescriptors(long needed) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            assertThat(unix.getMaxFileDescriptorCount())
                    .as("this test holds " + POLLS + " connections in this JVM (the clients run in a child JVM): raise"
                            + " the open-file limit to at least " + needed + " (ulimit -n) for the build")
                    .isGreaterThanOrEqualTo(needed);
        }
    }
}

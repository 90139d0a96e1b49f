package io.appmessage.metrics.demo;

import io.appmessage.AppMessageRequest;
import io.appmessage.OnAppMessageRequest;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Two handlers that log through SLF4J and note the MDC they run under, as an app's handler would put it
 * in its log pattern; they note only polls that ask with {@code probe=…} and push nothing.
 */
public final class LogProbeHandlers {

    /** What one handler call saw: the probe, the poll id and the handler id in the MDC. */
    public record Seen(String probe, String pollId, String handlerId) {
    }

    public static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();
    private static final Logger LOG = LoggerFactory.getLogger(LogProbeHandlers.class);

    private LogProbeHandlers() {
    }

    @OnAppMessageRequest(order = 1)
    static void first(AppMessageRequest request) {
        note(request);
    }

    @OnAppMessageRequest(order = 2)
    static void second(AppMessageRequest request) {
        note(request);
    }

    private static void note(AppMessageRequest request) {
        String probe = request.queryParameter("probe");
        if (probe != null) {
            Seen seen = new Seen(probe, MDC.get("appmessage.poll"), MDC.get("appmessage.handler"));
            SEEN.add(seen);
            LOG.info("probe {} ran in poll {} as {}", probe, seen.pollId(), seen.handlerId());
        }
    }
}

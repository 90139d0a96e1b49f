package io.appmessage.runtime.internal.delivery;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.TopicAuthorizer;
import io.appmessage.runtime.internal.dispatch.BadPollRequestException;
import io.appmessage.runtime.internal.outbox.TopicNames;
import io.appmessage.runtime.internal.shared.RateLimitedLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics a poll subscribes to, from the {@code topics} query parameter or else the
 * {@code X-App-Message-Topics} header (comma-separated, repeats counted once), split by the app's
 * {@link TopicAuthorizer} into those it may read and those refused (named in the answer).
 *
 * <pre>{@code
 * PollTopics topics = PollTopics.of(request, authorizer, 16);   // 400 beyond 16 or for a malformed name
 * topics.allowed();   // ["live:42", "all"]
 * topics.refused();   // ["vip:1"]
 * }</pre>
 */
final class PollTopics {

    static final String PARAMETER = "topics";
    static final String HEADER = "X-App-Message-Topics";
    static final PollTopics NONE = new PollTopics(List.of(), List.of());

    private static final Logger LOG = LoggerFactory.getLogger(PollTopics.class);
    private static final RateLimitedLog AUTHORIZER_FAULTS = new RateLimitedLog(Duration.ofSeconds(10).toNanos());

    private final List<String> allowed;
    private final List<String> refused;

    private PollTopics(List<String> allowed, List<String> refused) {
        this.allowed = allowed;
        this.refused = refused;
    }

    /**
     * @throws BadPollRequestException naming the rule for a malformed topic name, naming the limit beyond
     *                                 {@code max} topics
     */
    static PollTopics of(AppMessageRequest request, TopicAuthorizer authorizer, int max) {
        String text = request.queryParameter(PARAMETER);
        if (text == null || text.isBlank()) {
            text = request.header(HEADER);
        }
        if (text == null || text.isBlank()) {
            return NONE;
        }
        if (text.indexOf(',') < 0 && max >= 1) { // one topic, as a room's viewers ask: no set, no split
            String topic = text.strip();
            if (!TopicNames.isValid(topic)) {
                throw new BadPollRequestException("'topics' is a comma-separated list; " + TopicNames.RULE);
            }
            return mayRead(authorizer, request, topic) ? new PollTopics(List.of(topic), List.of())
                    : new PollTopics(List.of(), List.of(topic));
        }
        Set<String> listed = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String topic = part.strip();
            if (topic.isEmpty()) {
                continue;
            }
            if (!TopicNames.isValid(topic)) {
                throw new BadPollRequestException("'topics' is a comma-separated list; " + TopicNames.RULE);
            }
            listed.add(topic);
            if (listed.size() > max) {
                throw new BadPollRequestException("a poll lists at most " + max + " topics (setting maxTopicsPerPoll),"
                        + " got more: subscribe to fewer topics per poll");
            }
        }
        List<String> allowed = new ArrayList<>(listed.size());
        List<String> refused = new ArrayList<>(0);
        for (String topic : listed) {
            (mayRead(authorizer, request, topic) ? allowed : refused).add(topic);
        }
        return new PollTopics(List.copyOf(allowed), List.copyOf(refused));
    }

    private static boolean mayRead(TopicAuthorizer authorizer, AppMessageRequest request, String topic) {
        try {
            return authorizer.mayRead(request, topic);
        } catch (RuntimeException e) {
            int held = AUTHORIZER_FAULTS.tryAcquire();
            if (held >= 0) {
                LOG.warn("the topic authorizer failed, the topic is refused{}: {}",
                        RateLimitedLog.heldBackSuffix(held, "lines"), e.toString());
            }
            return false;
        }
    }

    /** True when the poll listed no topic: it is answered exactly as before topics existed. */
    boolean none() {
        return allowed.isEmpty() && refused.isEmpty();
    }

    List<String> allowed() {
        return allowed;
    }

    List<String> refused() {
        return refused;
    }
}

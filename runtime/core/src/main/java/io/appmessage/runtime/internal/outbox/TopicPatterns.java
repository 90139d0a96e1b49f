package io.appmessage.runtime.internal.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Public topic patterns: a topic name matches itself; a prefix ending with {@code *} matches every topic that
 * starts with it ({@code live:*}); {@code *} matches every topic.
 *
 * <pre>{@code
 * TopicPatterns.of("all", "live:*").matches("live:42");   // true
 * }</pre>
 */
public final class TopicPatterns {

    private final Set<String> names = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();

    private TopicPatterns() {
    }

    /** @throws IllegalArgumentException naming the rule for a pattern that is neither form */
    public static TopicPatterns of(String... patterns) {
        return of(List.of(patterns));
    }

    /** @throws IllegalArgumentException naming the rule for a pattern that is neither form */
    public static TopicPatterns of(Collection<String> patterns) {
        TopicPatterns result = new TopicPatterns();
        for (String pattern : patterns) {
            if (pattern != null && pattern.equals("*")) {
                result.prefixes.add("");
            } else if (pattern != null && pattern.endsWith("*")
                    && TopicNames.isValid(pattern.substring(0, pattern.length() - 1))) {
                result.prefixes.add(pattern.substring(0, pattern.length() - 1));
            } else if (TopicNames.isValid(pattern)) {
                result.names.add(pattern);
            } else {
                throw new IllegalArgumentException("a public topic pattern is a topic name or a prefix ending with"
                        + " '*' (e.g. all, live:*); " + TopicNames.RULE + ", got \"" + pattern + "\"");
            }
        }
        return result;
    }

    /** True when {@code topic} matches one of the patterns. */
    public boolean matches(String topic) {
        if (names.contains(topic)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (topic.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

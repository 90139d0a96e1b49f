package io.appmessage.runtime.internal.delivery;

import io.appmessage.runtime.spi.Cursor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one opaque cursor of a poll, covering the personal stream and every subscribed topic:
 * {@code <personal>~<topic>!<position>~<topic>!<position>…}. The personal part is today's cursor,
 * {@code <epoch>-<lastId>}, or empty for a poll without one (anonymous); a topic's position is its last id
 * when its epoch is the personal part's, else {@code <epoch>-<lastId>} (on Redis Cluster each topic has the
 * epoch of its slot). A cursor without {@code ~} is exactly today's, so old clients send and get what they
 * always did.
 *
 * <pre>{@code
 * PollCursor sent = PollCursor.parse("9f0c2a6e-42~live:42!7");
 * sent.personal();            // "9f0c2a6e-42"
 * sent.topic("live:42");      // Cursor(9f0c2a6e, 7); null for a topic the cursor does not cover yet
 * }</pre>
 */
final class PollCursor {

    private static final char TOPIC = '~';
    private static final char POSITION = '!';
    /** Room for the personal part and the most topics a poll may list, each with its own epoch. */
    static final int MAX_LENGTH = 64 * 1024;

    private final String personal;
    private final Map<String, Cursor> topics;
    /** The text it was parsed from (null: none sent). */
    private String source;

    private PollCursor(String personal, Map<String, Cursor> topics) {
        this.personal = personal;
        this.topics = topics;
    }

    /**
     * The last cursor parsed and the last answer cursor written, each with what it was made from: the thousands
     * of polls one publish wakes come back with one cursor and are answered with one batch, so they parse and
     * format it once. Instances are immutable, so sharing one across polls and threads is safe.
     */
    static final class Memo {
        private volatile PollCursor lastParsed;
        private volatile Answer lastAnswer;

        private record Answer(PollCursor sent, String topic, Object batch, String cursor) {
        }

        PollCursor parse(String text) {
            PollCursor last = lastParsed;
            if (last != null && text != null && text.equals(last.source)) {
                return last;
            }
            PollCursor parsed = PollCursor.parse(text);
            parsed.source = text;
            lastParsed = parsed;
            return parsed;
        }

        /** The answer cursor made earlier for this very sent cursor, topic and batch, or null. */
        String answer(PollCursor sent, String topic, Object batch) {
            Answer last = lastAnswer;
            return last != null && last.sent == sent && last.batch == batch && last.topic.equals(topic) ? last.cursor : null;
        }

        void remember(PollCursor sent, String topic, Object batch, String cursor) {
            lastAnswer = new Answer(sent, topic, batch, cursor);
        }
    }

    /** Reads what the client sent (null: no cursor). A malformed topic part reads as an unknown cursor. */
    static PollCursor parse(String text) {
        Map<String, Cursor> topics = new LinkedHashMap<>();
        if (text == null) {
            return new PollCursor(null, topics);
        }
        int first = text.indexOf(TOPIC);
        if (first < 0) {
            return new PollCursor(text, topics);
        }
        String personal = text.substring(0, first);
        String headEpoch = Cursor.tryParse(personal).map(Cursor::epoch).orElse(null);
        if (text.length() <= MAX_LENGTH) {
            for (String part : text.substring(first + 1).split(String.valueOf(TOPIC), -1)) {
                int bang = part.indexOf(POSITION);
                if (bang > 0) {
                    topics.put(part.substring(0, bang), position(part.substring(bang + 1), headEpoch));
                }
            }
        }
        return new PollCursor(personal.isEmpty() ? null : personal, topics);
    }

    private static Cursor position(String text, String headEpoch) {
        if (text.indexOf('-') >= 0) {
            return Cursor.tryParse(text).orElse(Cursor.UNRECOGNIZED);
        }
        return headEpoch == null ? Cursor.UNRECOGNIZED : Cursor.tryParse(headEpoch + "-" + text).orElse(Cursor.UNRECOGNIZED);
    }

    /** The personal part as sent, or null when there is none. */
    String personal() {
        return personal;
    }

    /** Where the client is in {@code topic}, or null when this cursor does not cover it (a new subscriber). */
    Cursor topic(String topic) {
        return topics.get(topic);
    }

    /**
     * The wire form.
     *
     * @param personal the personal part (null or empty: none)
     * @param topics   each covered topic's position, in the order to write them
     */
    static String format(String personal, Map<String, Cursor> topics) {
        String head = personal == null ? "" : personal;
        if (topics.isEmpty()) {
            return head;
        }
        String headEpoch = Cursor.tryParse(head).map(Cursor::epoch).orElse(null);
        StringBuilder out = new StringBuilder(head);
        for (Map.Entry<String, Cursor> topic : topics.entrySet()) {
            Cursor at = topic.getValue();
            out.append(TOPIC).append(topic.getKey()).append(POSITION);
            if (at.epoch().equals(headEpoch)) {
                out.append(at.lastId());
            } else {
                out.append(at.format());
            }
        }
        return out.toString();
    }
}

package io.appmessage.test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One poll's answer, as a test reads it: the HTTP status, the envelope as JSON and as values, the
 * {@code data} map, the keys the handlers pushed that the answer left out, and the handlers that failed.
 *
 * <pre>{@code
 * PollResult poll = tester.as("alice").poll();
 * assertEquals(Map.of("user_id", "alice", "item_count", 2), poll.data().get("cart"));
 * assertEquals(Set.of(), poll.droppedKeys());
 * }</pre>
 */
public final class PollResult {

    private final int status;
    private final String json;
    private final Map<String, Object> envelope;
    private final Set<String> droppedKeys;
    private final List<HandlerFault> faults;

    @SuppressWarnings("unchecked")
    PollResult(int status, String json, PollRecord.Snapshot record) {
        this.status = status;
        this.json = json;
        this.envelope = (Map<String, Object>) JsonTree.parse(json);
        Set<String> dropped = new TreeSet<>(record.pushedKeys());
        dropped.removeAll(data().keySet());
        this.droppedKeys = Set.copyOf(dropped);
        this.faults = record.faults();
    }

    /** The HTTP status: 200 for every answer the handlers made, else the error's (401, 503, …). */
    public int status() {
        return status;
    }

    /** The envelope exactly as sent: {@code {"code":0,"msg":"","data":{…}}}. */
    public String json() {
        return json;
    }

    /** The whole envelope as values (with {@code messages} and {@code cursor} when an outbox delivers). */
    public Map<String, Object> envelope() {
        return envelope;
    }

    /** The envelope's {@code code}: 0 when the poll was answered by the handlers. */
    public int code() {
        return ((Number) envelope.get("code")).intValue();
    }

    /** The pushed data by key; empty when nothing was pushed (the envelope's {@code "data":null}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
        Object data = envelope.get("data");
        return data == null ? Map.of() : (Map<String, Object>) data;
    }

    /** The data pushed under {@code key}, or null. */
    public Object data(String key) {
        return data().get(key);
    }

    /**
     * Keys the handlers pushed (or returned) that the answer left out: of a handler that then
     * failed, or a value that cannot be written as JSON. Sorted.
     */
    public Set<String> droppedKeys() {
        return droppedKeys;
    }

    /** The handlers that threw or missed the poll's deadline during this poll. */
    public List<HandlerFault> faults() {
        return faults;
    }

    @Override
    public String toString() {
        return status + " " + json + (droppedKeys.isEmpty() ? "" : " dropped " + droppedKeys)
                + (faults.isEmpty() ? "" : " faults " + faults);
    }
}

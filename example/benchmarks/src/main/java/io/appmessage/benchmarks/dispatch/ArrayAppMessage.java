package io.appmessage.benchmarks.dispatch;

import io.appmessage.AppMessage;

/**
 * The collector every dispatch variant pushes into: two parallel arrays, reset per poll. Kept
 * deliberately minimal (append only, no overwrite lookup) so that the dispatch benchmark measures
 * dispatch and nothing else; the runtime's own collector is measured by the HTTP benchmarks.
 *
 * <pre>{@code
 * ArrayAppMessage message = new ArrayAppMessage(128);
 * message.reset();
 * message.push("test_msg", "测试消息");
 * }</pre>
 */
public final class ArrayAppMessage implements AppMessage {

    private final String[] keys;
    private final Object[] values;
    private int size;

    public ArrayAppMessage(int capacity) {
        this.keys = new String[capacity];
        this.values = new Object[capacity];
    }

    @Override
    public void push(String key, Object data) {
        keys[size] = key;
        values[size] = data;
        size++;
    }

    /** Forgets what was pushed, keeping the arrays: one collector serves every poll of a benchmark. */
    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public String key(int index) {
        return keys[index];
    }

    public Object value(int index) {
        return values[index];
    }
}

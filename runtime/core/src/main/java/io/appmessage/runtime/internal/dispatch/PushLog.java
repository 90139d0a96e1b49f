package io.appmessage.runtime.internal.dispatch;

import java.util.Arrays;

/**
 * Pushes in the order they were made, each with the position of the handler that made it, so the
 * answer can name producers and a failing handler's pushes can be taken back.
 */
final class PushLog {

    String[] keys;
    Object[] values;
    int[] owners;
    int size;

    /** Room for {@code capacity} pushes before the arrays grow. */
    PushLog(int capacity) {
        keys = new String[capacity];
        values = new Object[capacity];
        owners = new int[capacity];
    }

    void add(String key, Object value, int owner) {
        if (size == keys.length) {
            grow();
        }
        keys[size] = key;
        values[size] = value;
        owners[size] = owner;
        size++;
    }

    /** Doubles the capacity. */
    void grow() {
        keys = Arrays.copyOf(keys, keys.length * 2);
        values = Arrays.copyOf(values, values.length * 2);
        owners = Arrays.copyOf(owners, owners.length * 2);
    }

    /** Forgets everything pushed since {@code mark} (the failing handler's pushes). */
    void truncate(int mark) {
        for (int i = mark; i < size; i++) {
            values[i] = null;
        }
        size = mark;
    }
}

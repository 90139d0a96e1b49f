package io.appmessage.runtime.internal.json;

/**
 * The {@code data} object of one answer, already resolved: each key once, in the order it was
 * first pushed, with its final value and the id of the handler that produced it (for the log line
 * when the value cannot be written). Parallel arrays, grown on demand, so a poll allocates little.
 */
public final class DataEntries {

    private String[] keys;
    private Object[] values;
    private String[] producers;
    private int size;
    /** Entries the writer left out, with why; null until one is (the usual answer drops nothing). */
    private int[] dropped;
    private Throwable[] droppedCauses;
    private int droppedCount;

    public DataEntries(int capacity) {
        int c = Math.max(capacity, 4);
        keys = new String[c];
        values = new Object[c];
        producers = new String[c];
    }

    /** Appends a key not yet present (the caller resolves overwrites). */
    public void add(String key, Object value, String producer) {
        if (size == keys.length) {
            int c = size * 2;
            keys = java.util.Arrays.copyOf(keys, c);
            values = java.util.Arrays.copyOf(values, c);
            producers = java.util.Arrays.copyOf(producers, c);
        }
        keys[size] = key;
        values[size] = value;
        producers[size] = producer;
        size++;
    }

    /** Replaces the value of entry {@code index}, keeping its position (a later push of the same key wins). */
    public void replace(int index, Object value, String producer) {
        values[index] = value;
        producers[index] = producer;
    }

    /** The index of {@code key}, or -1. Linear: a poll carries a handful of keys. */
    public int indexOf(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
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

    public String producer(int index) {
        return producers[index];
    }

    /** The writer left entry {@code index} out because writing its value failed with {@code cause}. */
    public void markDropped(int index, Throwable cause) {
        if (dropped == null) {
            dropped = new int[4];
            droppedCauses = new Throwable[4];
        } else if (droppedCount == dropped.length) {
            dropped = java.util.Arrays.copyOf(dropped, droppedCount * 2);
            droppedCauses = java.util.Arrays.copyOf(droppedCauses, droppedCount * 2);
        }
        dropped[droppedCount] = index;
        droppedCauses[droppedCount] = cause;
        droppedCount++;
    }

    /** How many entries the writer left out. */
    public int droppedCount() {
        return droppedCount;
    }

    /** The entry index of the {@code n}-th entry left out. */
    public int droppedIndex(int n) {
        return dropped[n];
    }

    /** Why the {@code n}-th entry was left out. */
    public Throwable droppedCause(int n) {
        return droppedCauses[n];
    }
}

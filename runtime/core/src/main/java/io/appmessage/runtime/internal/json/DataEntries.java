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
    private Dropped dropped;

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
            dropped = new Dropped();
        }
        dropped.add(index, cause);
    }

    /** How many entries the writer left out. */
    public int droppedCount() {
        return dropped == null ? 0 : dropped.count;
    }

    /** The entry index of the {@code n}-th entry left out. */
    public int droppedIndex(int n) {
        return dropped.indexes[n];
    }

    /** Why the {@code n}-th entry was left out. */
    public Throwable droppedCause(int n) {
        return dropped.causes[n];
    }

    private static final class Dropped {
        int[] indexes = new int[4];
        Throwable[] causes = new Throwable[4];
        int count;

        void add(int index, Throwable cause) {
            if (count == indexes.length) {
                indexes = java.util.Arrays.copyOf(indexes, count * 2);
                causes = java.util.Arrays.copyOf(causes, count * 2);
            }
            indexes[count] = index;
            causes[count] = cause;
            count++;
        }
    }
}

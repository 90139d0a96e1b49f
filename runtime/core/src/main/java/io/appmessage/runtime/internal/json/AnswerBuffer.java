package io.appmessage.runtime.internal.json;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that can be cut back to an earlier length: the envelope is written into
 * it value by value, and a value that fails half-way is taken back by truncating to the length
 * before it, so no value is ever written twice (a one-shot {@code Iterable}
 * would come out empty the second time).
 */
final class AnswerBuffer extends OutputStream {

    private byte[] bytes;
    private int size;

    AnswerBuffer(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    int size() {
        return size;
    }

    int capacity() {
        return bytes.length;
    }

    byte at(int index) {
        return bytes[index];
    }

    void set(int index, byte b) {
        bytes[index] = b;
    }

    /** Forgets everything written after the first {@code length} bytes. */
    void truncate(int length) {
        size = length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

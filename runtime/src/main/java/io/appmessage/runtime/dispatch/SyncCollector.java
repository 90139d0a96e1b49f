package io.appmessage.runtime.dispatch;

import io.appmessage.AppMessage;

/**
 * The {@link AppMessage} that synchronous handlers of one poll push to. They run one after the
 * other on one worker thread, so one collector with a "current handler" field attributes every
 * push without an object per handler. Closed when the synchronous phase ends: a handler that kept
 * the reference cannot change an answer being written.
 */
final class SyncCollector implements AppMessage {

    final PushLog log = new PushLog();
    private int current = -1;
    private volatile boolean closed;

    /** Starts handler {@code position}; returns the mark to roll back to if it fails. */
    int begin(int position) {
        current = position;
        return log.size;
    }

    void rollback(int mark) {
        log.truncate(mark);
    }

    void pushValue(String key, Object value) {
        log.add(key, value, current);
    }

    void close() {
        closed = true;
    }

    @Override
    public void push(String key, Object data) {
        PushLog.checkKey(key);
        if (closed) {
            return; // pushed after its handler returned: the seed's contract is "within the call"
        }
        log.add(key, data, current);
    }
}

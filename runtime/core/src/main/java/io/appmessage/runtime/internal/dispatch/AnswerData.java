package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.internal.json.DataEntries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a closed handler phase into the answer's data object and reports, against each handler,
 * what it lost: a key that breaks the key rule, a value the envelope writer could not write, an
 * asynchronous handler still pending at the deadline. One per engine, no state of its own.
 *
 * <pre>{@code
 * DataEntries entries = data.assemble(handlers, collector, outcomes);   // after collector.close()
 * data.reportMalformedKeys(handlers, collector.rejected, outcomes);
 * byte[] body = envelopes.success(entries, fields);
 * data.reportDropped(handlers, entries, outcomes);
 * }</pre>
 */
final class AnswerData {

    /** The handler phase's logger: an overwritten key is a line of the handler run it happened in. */
    private static final Logger LOG = LoggerFactory.getLogger(HandlerRun.class);

    private final FaultReporter faults;
    private final long deadlineMillis;

    AnswerData(FaultReporter faults, long deadlineMillis) {
        this.faults = faults;
        this.deadlineMillis = deadlineMillis;
    }

    /**
     * The data object: every handler's pushes in handler order (an asynchronous handler's part sits
     * at its place in the order, whenever it completed), each key once at its first position, the
     * last push of a key winning. {@code outcomes} is null without an observer.
     */
    DataEntries assemble(HandlerSlot[] handlers, SyncCollector collector, HandlerOutcomes outcomes) {
        PushLog sync = collector.log;
        int committed = collector.committed();
        DataEntries entries = new DataEntries(committed + 4);
        int next = 0;
        for (int position = 0; position < handlers.length; position++) {
            while (next < committed && sync.owners[next] == position) {
                put(entries, sync.keys[next], sync.values[next], handlers[position]);
                next++;
            }
            AsyncSlot slot = collector.asyncSlot(position);
            if (slot != null) {
                addAsync(handlers, entries, slot, position, outcomes);
            }
        }
        return entries;
    }

    private void addAsync(HandlerSlot[] handlers, DataEntries entries, AsyncSlot slot, int position,
                          HandlerOutcomes outcomes) {
        if (slot.closeForAnswer()) {
            PushLog pushes = slot.pushes();
            if (pushes != null) {
                for (int i = 0; i < pushes.size; i++) {
                    put(entries, pushes.keys[i], pushes.values[i], slot.handler);
                }
            }
            if (!slot.handler.key.isEmpty() && slot.value() != null) {
                put(entries, slot.handler.key, slot.value(), slot.handler);
            }
            reportMalformedKeys(handlers, slot.rejected(), outcomes);
            if (outcomes != null) {
                outcomes.asyncEnded(position, slot.settledAtNanos(), false);
            }
        } else if (!slot.isDone()) {
            faults.timedOut(slot.handler, deadlineMillis);
            if (outcomes != null) {
                outcomes.timedOut(position);
            }
        } else if (outcomes != null) {
            outcomes.asyncEnded(position, slot.settledAtNanos(), true);
        }
    }

    private static void put(DataEntries entries, String key, Object value, HandlerSlot producer) {
        int index = entries.indexOf(key);
        if (index < 0) {
            entries.add(key, value, producer.id);
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("key '{}' pushed by {} is overwritten by {}", key, entries.producer(index), producer.id);
        }
        entries.replace(index, value, producer.id);
    }

    /** Keys that break the key rule were never pushed: each is logged against its handler. */
    void reportMalformedKeys(HandlerSlot[] handlers, PushLog rejected, HandlerOutcomes outcomes) {
        if (rejected == null) {
            return;
        }
        for (int i = 0; i < rejected.size; i++) {
            HandlerSlot handler = handlers[rejected.owners[i]];
            faults.malformedKey(handler, rejected.keys[i]);
            if (outcomes != null) {
                outcomes.unwritable(rejected.owners[i]);
            }
        }
    }

    /** Values the envelope writer could not write were left out: each is logged against its handler. */
    void reportDropped(HandlerSlot[] handlers, DataEntries entries, HandlerOutcomes outcomes) {
        for (int d = 0; d < entries.droppedCount(); d++) {
            int index = entries.droppedIndex(d);
            int position = positionOf(handlers, entries.producer(index));
            HandlerSlot handler = position < 0 ? null : handlers[position];
            faults.unwritable(handler, entries.key(index), entries.value(index), entries.droppedCause(d));
            if (outcomes != null && position >= 0) {
                outcomes.unwritable(position);
            }
        }
    }

    private static int positionOf(HandlerSlot[] handlers, String id) {
        for (int i = 0; i < handlers.length; i++) {
            if (handlers[i].id.equals(id)) {
                return i;
            }
        }
        return -1;
    }
}

package io.appmessage.benchmarks.topics;

import io.appmessage.benchmarks.delivery.Percentiles;
import java.util.Arrays;
import java.util.Map;

/**
 * Every message {@link TopicSubscribers} received (id, when its answer was read), matched at the end with the
 * publisher's acknowledgements: freshness = read − acknowledged, over the measured publishes. Selector thread
 * only, until {@link #sinceAck} after the run.
 *
 * <pre>{@code
 * receipts.add(id, receivedMicros);
 * Receipts.Matched m = receipts.sinceAck(acks);   // acks: id → [acknowledged µs, measured 0/1]
 * }</pre>
 */
final class Receipts {

    private long[] ids = new long[1 << 16];
    private long[] at = new long[1 << 16];
    private int size;

    record Matched(Percentiles sinceAck, long beforeAck, long unmatched) {
    }

    void add(long id, long receivedMicros) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            at = Arrays.copyOf(at, size * 2);
        }
        ids[size] = id;
        at[size++] = receivedMicros;
    }

    int size() {
        return size;
    }

    Matched sinceAck(Map<Long, long[]> acks) {
        Percentiles sinceAck = new Percentiles();
        long beforeAck = 0;
        long unmatched = 0;
        for (int i = 0; i < size; i++) {
            long[] ack = acks.get(ids[i]);
            if (ack == null) {
                unmatched++;
            } else if (ack[1] == 1) {
                long age = at[i] - ack[0];
                beforeAck += age < 0 ? 1 : 0; // the wake-up can overtake the publish's own return
                sinceAck.add(Math.max(0, age));
            }
        }
        return new Matched(sinceAck, beforeAck, unmatched);
    }
}

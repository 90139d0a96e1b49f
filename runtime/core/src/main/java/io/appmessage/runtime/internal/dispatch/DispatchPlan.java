package io.appmessage.runtime.internal.dispatch;

import io.appmessage.spi.HandlerDispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The handlers a poll runs, in order, cut into segments: runs of consecutive handlers that one
 * {@link HandlerDispatch} calls with consecutive indices, so a poll makes one call per segment (one per
 * register, usually) and the generated code calls the handlers directly. Rebuilt when a plugin is
 * switched; immutable, shared by every poll that reads it.
 *
 * <pre>{@code
 * DispatchPlan plan = DispatchPlan.of(activeSlots);
 * for (int s = 0; s < plan.segments(); s++) {
 *     plan.dispatch(s).run(plan.from(s), plan.to(s), request, steps);   // position = plan.base(s) + index
 * }
 * }</pre>
 */
final class DispatchPlan {

    final HandlerSlot[] slots;
    /** False when every handler is declared non-blocking. */
    final boolean anyBlocking;
    private final HandlerDispatch[] dispatches;
    private final int[] from;
    private final int[] to;
    private final int[] base;

    private DispatchPlan(HandlerSlot[] slots, List<int[]> segments) {
        this.slots = slots;
        boolean blocking = false;
        for (HandlerSlot slot : slots) {
            blocking |= slot.blocking;
        }
        this.anyBlocking = blocking;
        int n = segments.size();
        dispatches = new HandlerDispatch[n];
        from = new int[n];
        to = new int[n];
        base = new int[n];
        for (int s = 0; s < n; s++) {
            int first = segments.get(s)[0];
            int count = segments.get(s)[1];
            dispatches[s] = slots[first].dispatch;
            from[s] = slots[first].index;
            to[s] = slots[first].index + count;
            base[s] = first - slots[first].index;
        }
    }

    /** The plan for {@code slots}, in their order. */
    static DispatchPlan of(HandlerSlot[] slots) {
        List<int[]> segments = new ArrayList<>(); // {first position, count}
        for (int position = 0; position < slots.length; position++) {
            int[] last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && continues(slots[position - 1], slots[position])) {
                last[1]++;
            } else {
                segments.add(new int[] {position, 1});
            }
        }
        return new DispatchPlan(slots, segments);
    }

    private static boolean continues(HandlerSlot previous, HandlerSlot next) {
        return next.dispatch == previous.dispatch && next.index == previous.index + 1;
    }

    int segments() {
        return dispatches.length;
    }

    HandlerDispatch dispatch(int segment) {
        return dispatches[segment];
    }

    int from(int segment) {
        return from[segment];
    }

    int to(int segment) {
        return to[segment];
    }

    /** The position of index 0 of the segment's dispatch: a handler's position is {@code base + index}. */
    int base(int segment) {
        return base[segment];
    }
}

package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessageRequest;
import io.appmessage.spi.DispatchedCall;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerDispatch;
import io.appmessage.spi.HandlerSteps;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll makes one dispatch call per run of consecutive handlers of one register; a switched-off plugin,
 * an interleaved register or a plain call cuts the run, and every handler keeps its position.
 */
class DispatchPlanTest {

    private record NoDispatch(String name) implements HandlerDispatch {
        @Override
        public void run(int from, int to, AppMessageRequest request, HandlerSteps steps) {
        }
    }

    private static final HandlerDispatch APP = new NoDispatch("app");
    private static final HandlerDispatch PLUGIN = new NoDispatch("plugin");

    private static HandlerSlot slot(HandlerDispatch dispatch, int index, boolean blocking) {
        HandlerDescriptor d = HandlerDescriptor.of("T#h" + index, "", 0, HandlerDescriptor.Kind.IMPERATIVE, "", blocking,
                dispatch == null ? (request, message) -> null : new DispatchedCall(dispatch, index));
        return new HandlerSlot(d, 1_000_000L);
    }

    private static List<String> segments(DispatchPlan plan) {
        List<String> segments = new ArrayList<>();
        for (int s = 0; s < plan.segments(); s++) {
            HandlerDispatch d = plan.dispatch(s);
            String name = d instanceof NoDispatch named ? named.name() : d.getClass().getSimpleName();
            segments.add(name + "[" + plan.from(s) + "," + plan.to(s) + ")@" + plan.base(s));
        }
        return segments;
    }

    @Test
    void consecutiveHandlersOfOneRegister_areOneSegment() {
        DispatchPlan plan = DispatchPlan.of(new HandlerSlot[] {slot(APP, 0, true), slot(APP, 1, true), slot(APP, 2, true)});

        assertThat(segments(plan)).containsExactly("app[0,3)@0");
        assertThat(plan.anyBlocking).isTrue();
    }

    @Test
    void interleavedRegistersSkippedHandlersAndPlainCalls_cutSegments_positionsKept() {
        DispatchPlan plan = DispatchPlan.of(new HandlerSlot[] {
                slot(APP, 0, false), slot(APP, 1, false),   // positions 0, 1
                slot(PLUGIN, 0, false),                      // 2
                slot(APP, 2, false),                         // 3
                slot(APP, 4, false), slot(APP, 5, false),   // 4, 5: index 3 switched off
                slot(null, 0, false)});                      // 6: a plain call

        assertThat(segments(plan)).containsExactly("app[0,2)@0", "plugin[0,1)@2", "app[2,3)@1", "app[4,6)@0",
                "CallDispatch[0,1)@6");
        assertThat(plan.anyBlocking).isFalse();
    }

    @Test
    void noHandlers_noSegments() {
        assertThat(DispatchPlan.of(new HandlerSlot[0]).segments()).isZero();
    }
}

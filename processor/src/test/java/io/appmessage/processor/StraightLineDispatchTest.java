package io.appmessage.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.appmessage.processor.support.Compilations.compile;
import static io.appmessage.processor.support.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.appmessage.AppMessage;
import io.appmessage.InstanceProvider;
import io.appmessage.processor.support.GeneratedCode;
import io.appmessage.processor.support.RecordedPushes;
import io.appmessage.processor.support.TestRequest;
import io.appmessage.spi.DispatchedCall;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerDispatch;
import io.appmessage.spi.HandlerSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code Dispatch} of a register with {@value #HANDLERS} handlers (several run methods of
 * 32, descriptors in methods of 256) follows the protocol of {@link HandlerDispatch}: every handler in
 * order from any index, a failing handler reported and the next one run, and a stop when {@code begin} says so.
 */
class StraightLineDispatchTest {

    private static final int HANDLERS = 300;

    private static Compilation compilation;
    private static List<HandlerDescriptor> handlers;
    private static HandlerDispatch dispatch;

    @BeforeAll
    static void compileManyHandlers() {
        StringBuilder source = new StringBuilder("package com.many;\n\n"
                + "import io.appmessage.AppMessage;\nimport io.appmessage.OnAppMessageRequest;\n\n"
                + "public final class ManyHandlers {\n");
        for (int i = 0; i < HANDLERS; i++) {
            String n = String.format("%03d", i);
            if (i % 7 == 0) { // imperative, on the instance
                source.append("    @OnAppMessageRequest(order = ").append(i).append(")\n    void h").append(n)
                        .append("(AppMessage message) { message.push(\"k").append(n).append("\", ").append(i).append("); }\n");
            } else if (i % 50 == 1) { // throws
                source.append("    @OnAppMessageRequest(value = \"k").append(n).append("\", order = ").append(i)
                        .append(")\n    static String h").append(n).append("() { throw new IllegalStateException(\"h")
                        .append(n).append("\"); }\n");
            } else { // value, static
                source.append("    @OnAppMessageRequest(value = \"k").append(n).append("\", order = ").append(i)
                        .append(")\n    static String h").append(n).append("() { return \"v").append(n).append("\"; }\n");
            }
        }
        source.append("}\n");
        compilation = compile(List.of(JavaFileObjects.forSourceString("com.many.ManyHandlers", source.toString())),
                "-Xlint:all,-processing");
        assertThat(compilation).succeededWithoutWarnings();
        handlers = new GeneratedCode(compilation).registry("com.many.HandlerRegister").handlers(InstanceProvider.NONE);
        dispatch = ((DispatchedCall) handlers.get(0).call()).dispatch();
    }

    /** Steps that record the protocol: "b17" (begun), "r17=v017" (returned), "t17=…" (threw); stops at {@code stopAt}. */
    private static final class Recording implements HandlerSteps {
        final List<String> events = new ArrayList<>();
        final RecordedPushes pushes = new RecordedPushes();
        private final int stopAt;
        private int current;

        Recording(int stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public AppMessage begin(int index) {
            if (index >= stopAt) {
                events.add("stop" + index);
                return null;
            }
            current = index;
            events.add("b" + index);
            return pushes;
        }

        @Override
        public void returned(Object result) {
            events.add("r" + current + "=" + result);
        }

        @Override
        public int threw(Throwable error) {
            events.add("t" + current + "=" + error.getMessage());
            return current + 1;
        }
    }

    private static List<String> expected(int from, int to) {
        List<String> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String n = String.format("%03d", i);
            events.add("b" + i);
            events.add(i % 7 == 0 ? "r" + i + "=null" : i % 50 == 1 ? "t" + i + "=h" + n : "r" + i + "=v" + n);
        }
        return events;
    }

    @Test
    void everyHandlerRunsInOrder_aThrowingOneReportedAndTheNextStillRun() {
        Recording steps = new Recording(Integer.MAX_VALUE);
        dispatch.run(0, new TestRequest(null, Map.of()), steps);

        assertEquals(expected(0, HANDLERS), steps.events);
        assertEquals(0, steps.pushes.pushed().get("k000"));
        assertEquals(294, steps.pushes.pushed().get("k294"));
        for (int i = 0; i < HANDLERS; i++) {
            assertEquals(i, ((DispatchedCall) handlers.get(i).call()).index(), "descriptor " + i);
            assertEquals(String.format("com.many.ManyHandlers#h%03d", i), handlers.get(i).id());
        }
    }

    @Test
    void aRangeAcrossRunMethods_runsExactlyThatRange() {
        Recording steps = new Recording(97);
        dispatch.run(30, new TestRequest(null, Map.of()), steps);

        List<String> expected = expected(30, 97);
        expected.add("stop97");
        assertEquals(expected, steps.events);
    }

    @Test
    void beginReturningNull_stopsTheRunThere() {
        Recording steps = new Recording(100);
        dispatch.run(20, new TestRequest(null, Map.of()), steps);

        List<String> expected = expected(20, 100);
        expected.add("stop100");
        assertEquals(expected, steps.events);
    }

    @Test
    void oneDescriptorsCall_runsThatHandlerAlone() throws Exception {
        RecordedPushes pushes = new RecordedPushes();
        assertEquals("v299", handlers.get(299).call().call(new TestRequest(null, Map.of()), pushes));
        assertEquals(null, handlers.get(294).call().call(new TestRequest(null, Map.of()), pushes));
        assertEquals(Map.of("k294", 294), pushes.pushed());
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> handlers.get(251).call().call(new TestRequest(null, Map.of()), pushes));
        assertEquals("h251", thrown.getMessage());
        assertInstanceOf(DispatchedCall.class, handlers.get(251).call());
    }

    @Test
    void generatedRegister_splitsCallsAndDescriptorsIntoMethodsTheJitCompiles() {
        String register = source(compilation, "com.many.HandlerRegister");
        assertTrue(register.contains("private boolean run37(int from, AppMessageRequest request, HandlerSteps steps)"),
                "38 run methods of up to 8 handlers, small enough for the JIT to inline");
        assertTrue(register.contains("return HandlerTable.describe(new Dispatch(instances),"),
                "the descriptors as one table of rows");
    }
}

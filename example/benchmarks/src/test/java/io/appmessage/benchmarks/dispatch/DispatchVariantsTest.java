package io.appmessage.benchmarks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.benchmarks.dispatch.handlers.DirectCalls;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dispatch benchmark compares like with like only if every variant runs the same handlers. */
class DispatchVariantsTest {

    private final FixedRequest request = new FixedRequest("alice");

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100})
    void everyVariant_pushesTheSameKeysAndValues(int handlers) throws Exception {
        ArrayAppMessage direct = new ArrayAppMessage(128);
        switch (handlers) {
            case 1 -> new DirectCalls().poll1(direct);
            case 10 -> new DirectCalls().poll10(direct);
            default -> new DirectCalls().poll100(direct);
        }
        ArrayAppMessage generated = new ArrayAppMessage(128);
        GeneratedDispatch generatedDispatch = GeneratedDispatch.firstOf(DispatchRegistry.generated(), handlers);
        generatedDispatch.poll(request, generated);
        assertThat(generatedDispatch.failures()).isZero();
        ArrayAppMessage eventBus = new ArrayAppMessage(128);
        new EventBusDispatch(handlers).poll(eventBus);
        ArrayAppMessage reflective = new ArrayAppMessage(128);
        new ReflectiveDispatch(handlers).poll(reflective);

        List<String> expected = pushed(direct);
        assertThat(expected).hasSize(handlers).startsWith("key_000=value 000");
        assertThat(pushed(generated)).isEqualTo(expected);
        assertThat(pushed(eventBus)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pushed(reflective)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10})
    void resetCollector_startsEachPollEmpty(int handlers) throws Exception {
        ArrayAppMessage message = new ArrayAppMessage(128);
        GeneratedDispatch dispatch = GeneratedDispatch.firstOf(DispatchRegistry.generated(), handlers);
        dispatch.poll(request, message);
        message.reset();
        dispatch.poll(request, message);
        assertThat(message.size()).isEqualTo(handlers);
    }

    private static List<String> pushed(ArrayAppMessage message) {
        List<String> pushed = new ArrayList<>();
        for (int i = 0; i < message.size(); i++) {
            pushed.add(message.key(i) + "=" + message.value(i));
        }
        return pushed;
    }
}

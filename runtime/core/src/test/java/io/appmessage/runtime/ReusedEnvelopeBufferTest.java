package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each thread writes its envelopes into one reused buffer and generator: with a single worker every
 * poll shares them, so an envelope left half-written by a failing value, or an unusually large one,
 * must not show in the next answer.
 */
class ReusedEnvelopeBufferTest {

    private static final String PATH = "/api/message/index";
    private static final String SMALL = "{\"code\":0,\"msg\":\"\",\"data\":{\"first\":\"a\",\"last\":\"z\"}}";

    /** Fails on its third element, after the generator wrote part of the array. */
    private static final Iterable<Object> FAILS_HALF_WAY = () -> new Iterator<>() {
        private int n;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Object next() {
            if (n++ == 2) {
                throw new IllegalStateException("broken iterator");
            }
            return n;
        }
    };

    @Test
    void aFailedOrLargeEnvelope_leavesNoTraceInTheNextOneOnTheSameThread() {
        HandlerDescriptor first = HandlerDescriptor.value("T#first", "", 0, "first", (request, message) -> "a");
        HandlerDescriptor middle = HandlerDescriptor.imperative("T#middle", "", 1, (request, message) -> {
            String mode = request.queryParameter("mode");
            if ("broken".equals(mode)) {
                message.push("broken", FAILS_HALF_WAY);
            } else if ("large".equals(mode)) {
                message.push("large", List.of("x".repeat(100_000), "y".repeat(100_000)));
            }
            return null;
        });
        HandlerDescriptor last = HandlerDescriptor.value("T#last", "", 2, "last", (request, message) -> "z");
        try (CapturedLog log = new CapturedLog();
             AppMessageServer server = Servers.builder(TestRegistry.of(first, middle, last))
                     .workerThreads(1).ioThreads(1).build().start()) {
            assertThat(Http.get(server, PATH).body()).isEqualTo(SMALL);
            assertThat(Http.get(server, PATH + "?mode=broken").body()).isEqualTo(SMALL);
            assertThat(log.lines("T#middle")).isEqualTo(1); // the dropped key, logged against its handler
            assertThat(Http.get(server, PATH).body()).isEqualTo(SMALL);
            String large = Http.get(server, PATH + "?mode=large").body();
            assertThat(large).hasSize(200_000 + SMALL.length() + ",\"large\":[\"\",\"\"]".length())
                    .startsWith("{\"code\":0,\"msg\":\"\",\"data\":{\"first\":\"a\",\"large\":[\"xxx")
                    .endsWith("yyy\"],\"last\":\"z\"}}");
            assertThat(Http.get(server, PATH).body()).isEqualTo(SMALL);
        }
    }
}

package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.runtime.internal.dispatch.PollContext;
import io.appmessage.runtime.internal.dispatch.PollExtension;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The seams issues 6 and 7 build on: hold a poll before its handlers, add envelope fields after them. */
class PollExtensionTest {

    @Test
    void heldPoll_runsItsHandlersOnlyWhenReleased_andCarriesExtraEnvelopeFields() throws Exception {
        AtomicReference<CompletableFuture<Void>> hold = new AtomicReference<>();
        AtomicInteger handlerRuns = new AtomicInteger();
        PollExtension extension = new PollExtension() {
            @Override
            public CompletionStage<?> beforeHandlers(PollContext poll) {
                CompletableFuture<Void> stage = new CompletableFuture<>();
                poll.attach("cursor-" + poll.request().queryParameter("cursor"));
                hold.set(stage);
                return stage;
            }

            @Override
            public void afterHandlers(PollContext poll) {
                poll.envelopeFields(sink -> {
                    sink.name("cursor");
                    sink.string((String) poll.attachment());
                });
            }
        };
        try (AppMessageServer server = Servers.builder(TestRegistry.of(
                        HandlerDescriptor.value("T#k", "", 0, "k", (request, message) -> handlerRuns.incrementAndGet())))
                .extension(extension)
                .workerThreads(1)
                .build().start()) {
            var answer = Http.getAsync(server, "/api/message/index?cursor=7");
            for (int i = 0; i < 500 && hold.get() == null; i++) {
                Thread.sleep(10);
            }
            assertThat(hold.get()).isNotNull();
            assertThat(handlerRuns).as("handlers wait for the hold").hasValue(0);
            assertThat(answer).isNotDone();

            hold.get().complete(null);
            assertThat(answer.get(20, TimeUnit.SECONDS).body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"k\":1},\"cursor\":\"cursor-7\"}");
        }
    }
}

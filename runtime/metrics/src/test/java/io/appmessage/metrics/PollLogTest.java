package io.appmessage.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.metrics.demo.LogProbeHandlers;
import io.appmessage.metrics.demo.LogProbeHandlers.Seen;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log lines an operator can join, over real HTTP: a refused or failed poll logs one line naming its poll
 * id, and the app's code (authenticator, handlers) runs with that id and the handler's id in the SLF4J MDC
 * under {@code appmessage.poll} and {@code appmessage.handler}, which the test log pattern prints
 * ({@code logback-test.xml}). The refusal lines are on DEBUG: that file turns their logger on.
 */
class PollLogTest {

    private static final String FIRST = "io.appmessage.metrics.demo.LogProbeHandlers#first";
    private static final String SECOND = "io.appmessage.metrics.demo.LogProbeHandlers#second";
    private static final String FLAKY = "io.appmessage.metrics.demo.FaultyHandlers#flaky";
    private static final Pattern POLL_ID = Pattern.compile("[0-9a-z]{6}-[0-9a-z]+");

    @TempDir
    Path dataDir;
    private CapturedLog log;
    private DemoNode node;

    @BeforeEach
    void start() {
        LogProbeHandlers.SEEN.clear();
        DemoNode.AUTHENTICATED_IN.clear();
        log = new CapturedLog();
        node = new DemoNode(dataDir);
    }

    @AfterEach
    void stop() {
        try {
            node.close();
        } finally {
            log.close();
        }
    }

    @Test
    void handlersRunWithThePollIdAndTheirOwnIdInTheMdc() {
        for (int i = 0; i < 6; i++) {
            assertThat(Http.get(node.pollUrl() + "?probe=" + i + "&access_token=user-probe").statusCode()).isEqualTo(200);
        }

        List<Seen> seen = new ArrayList<>(LogProbeHandlers.SEEN);
        assertThat(seen).hasSize(12);
        List<String> pollIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Seen first = seen.get(2 * i);
            Seen second = seen.get(2 * i + 1);
            assertThat(first.probe()).isEqualTo(String.valueOf(i));
            assertThat(first.handlerId()).isEqualTo(FIRST);
            assertThat(second.handlerId()).isEqualTo(SECOND);
            assertThat(first.pollId()).matches(POLL_ID).isEqualTo(second.pollId());
            pollIds.add(first.pollId());
            assertThat(log.text()).contains("poll=" + first.pollId() + " handler=" + FIRST + " - probe " + i
                    + " ran in poll " + first.pollId() + " as " + FIRST);
        }
        assertThat(pollIds).doesNotHaveDuplicates();
        // the runtime's own fault line joins too: the failing handler's line carries the poll and the handler
        assertThat(log.text()).contains("poll=" + pollIds.get(0) + " handler=" + FLAKY + " - handler " + FLAKY + " failed");
        // the authenticator runs in the poll too, and no handler id is left over from an earlier poll on that thread
        List<String[]> authenticated = new ArrayList<>(DemoNode.AUTHENTICATED_IN);
        assertThat(authenticated).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(authenticated.get(i)[1]).isEqualTo(pollIds.get(i));
            assertThat(authenticated.get(i)[2]).isNull();
        }
        assertThat(log.text()).doesNotContain("refused").doesNotContain("failed: answered");
    }

    @Test
    void aHeldLongPollKeepsItsIdWhenItsHandlersRunAfterTheHold() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> held = client.sendAsync(
                HttpRequest.newBuilder(URI.create(node.pollUrl() + "?probe=held&wait=20&access_token=user-probe-held"))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (node.scrape().value("appmessage_polls_held") < 1) {
            assertThat(System.nanoTime()).as("the long-poll is held within 10 s").isLessThan(end);
            Thread.sleep(20);
        }
        assertThat(LogProbeHandlers.SEEN).isEmpty(); // the first run found nothing new and held before the handlers

        node.outbox.sendJson("user-probe-held", "order_shipped", "{\"order\":7}");

        assertThat(held.get(10, TimeUnit.SECONDS).body()).contains("order_shipped");
        String pollId = DemoNode.AUTHENTICATED_IN.peek()[1];
        assertThat(pollId).matches(POLL_ID);
        assertThat(LogProbeHandlers.SEEN).extracting(Seen::pollId).containsExactly(pollId, pollId);
        assertThat(LogProbeHandlers.SEEN).extracting(Seen::handlerId).containsExactly(FIRST, SECOND);
    }

    @Test
    void aRefusedPollLogsOneLineWithTheIdItsCodeSaw() {
        assertThat(Http.get(node.pollUrl() + "?access_token=bad").statusCode()).isEqualTo(401);
        assertThat(Http.get(node.pollUrl() + "?wait=soon").statusCode()).isEqualTo(400);

        String pollId = DemoNode.AUTHENTICATED_IN.peek()[1];
        assertThat(pollId).matches(POLL_ID);
        assertThat(linesWith(pollId)).containsExactly("poll " + pollId + " refused: unauthorized");
        assertThat(refusalIds("bad_request")).hasSize(1).doesNotContain(pollId);
    }

    @Test
    void aFailedPollLogsOneLineWithTheIdItsCodeSaw() {
        assertThat(Http.get(node.pollUrl(), "X-Access-Token", "explode").statusCode()).isEqualTo(500);

        String pollId = DemoNode.AUTHENTICATED_IN.peek()[1];
        assertThat(pollId).matches(POLL_ID);
        assertThat(log.text()).contains("poll=" + pollId + " handler= - the authenticator failed; answering 500")
                .contains("token service down (thrown on purpose by the test app)");
        assertThat(linesWith("poll " + pollId)).containsExactly("poll " + pollId
                + " failed: answered 500 (the error logged before it, with this id in the MDC, says why)");
    }

    @Test
    void refusalsAtAdmissionGetAnIdOfTheirOwn() {
        assertThat(Http.send("DELETE", node.pollUrl()).statusCode()).isEqualTo(405);
        assertThat(refusalIds("method_not_allowed")).hasSize(1).allMatch(id -> POLL_ID.matcher(id).matches());
    }

    /** The log lines that contain {@code text}, from the logger's message on. */
    private List<String> linesWith(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : log.text().split("\\R")) {
            int at = line.indexOf(" - ");
            if (line.contains(text) && line.contains("io.appmessage.runtime.poll")) {
                lines.add(at < 0 ? line : line.substring(at + 3));
            }
        }
        return lines;
    }

    private List<String> refusalIds(String reason) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("poll (\\S+) refused: " + reason + "\\R").matcher(log.text());
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}

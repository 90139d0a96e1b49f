package io.appmessage.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The kit's integration half: a real server on a free port, polled over loopback HTTP. */
class AppMessageServerExtensionTest {

    @RegisterExtension
    static AppMessageServerExtension server = AppMessageServerExtension.of(AppMessageTesterTest.SHOP);

    @Test
    void aPollOverHttpCarriesTheUserAndTheRecord() {
        PollResult poll = server.as("alice").param("shop", "7").param("fail", "yes").poll();
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.data("cart")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("user", "alice").containsEntry("shop", "7");
        assertThat(poll.droppedKeys()).containsExactly("half_done");
        assertThat(poll.faults()).extracting(HandlerFault::handlerId).containsExactly("t.Shop#broken");
    }

    @Test
    void anyHttpClientReachesThePollUrl() throws Exception {
        assertThat(server.pollUrl()).isEqualTo(server.baseUrl() + "/api/message/index");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.pollUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"");
    }
}

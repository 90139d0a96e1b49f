package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeTest {

    record OrderStatus(String orderNo, int items) { }

    enum Color { RED }

    @Test
    void nothingPushed_dataIsNull() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.imperative("T#quiet", "", 0, (request, message) -> null)))) {
            HttpResponse<String> response = Http.get(server, "/api/message/index");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":null}");
        }
    }

    @Test
    void getAndPost_answerTheSeedEnvelopeWithPushedData() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.imperative("T#test", "", 0, (request, message) -> {
                    message.push("test_msg", "测试消息");
                    return null;
                }),
                HandlerDescriptor.value("T#count", "", 1, "count", (request, message) -> 3)))) {
            String expected = "{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\",\"count\":3}}";

            assertThat(Http.get(server, "/api/message/index").body()).isEqualTo(expected);
            HttpResponse<String> post = Http.send(Http.request(server, "/api/message/index")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build());
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(post.body()).isEqualTo(expected);
        }
    }

    @Test
    void everyPushableType_isWrittenAsJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", null);
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.imperative("T#all", "", 0, (request, message) -> {
                    message.push("string", "s\"q");
                    message.push("long", 9_007_199_254_740_993L);
                    message.push("double", 1.5);
                    message.push("nan", Double.NaN);
                    message.push("bool", true);
                    message.push("null", null);
                    message.push("map", map);
                    message.push("list", List.of(1, "two"));
                    message.push("array", new String[] {"x"});
                    message.push("ints", new int[] {1, 2});
                    message.push("optional", Optional.of("here"));
                    message.push("empty", Optional.empty());
                    message.push("enum", Color.RED);
                    message.push("record", new OrderStatus("A-1", 2));
                    message.push("records", Arrays.asList(new OrderStatus("B", 1)));
                    return null;
                })).writer(OrderStatus.class, (value, sink) -> {
                    sink.beginObject();
                    sink.name("order_no");
                    sink.string(value.orderNo());
                    sink.name("items");
                    sink.number(value.items());
                    sink.endObject();
                }))) {
            assertThat(Http.get(server, "/api/message/index").body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{"
                    + "\"string\":\"s\\\"q\",\"long\":9007199254740993,\"double\":1.5,\"nan\":\"NaN\",\"bool\":true,"
                    + "\"null\":null,\"map\":{\"a\":1,\"b\":null},\"list\":[1,\"two\"],\"array\":[\"x\"],\"ints\":[1,2],"
                    + "\"optional\":\"here\",\"empty\":null,\"enum\":\"RED\",\"record\":{\"order_no\":\"A-1\",\"items\":2},"
                    + "\"records\":[{\"order_no\":\"B\",\"items\":1}]}}");
        }
    }

    @Test
    void sameKeyPushedTwice_laterHandlerWinsAtFirstPosition() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.value("T#first", "", 0, "shared", (request, message) -> "first"),
                HandlerDescriptor.value("T#other", "", 1, "other", (request, message) -> "o"),
                HandlerDescriptor.value("T#second", "", 2, "shared", (request, message) -> "second")))) {
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"shared\":\"second\",\"other\":\"o\"}}");
        }
    }

    @Test
    void handlers_runInOrderAcrossRegistries() {
        try (AppMessageServer server = Servers.start(
                TestRegistry.of(HandlerDescriptor.value("B#late", "", 5, "late", (request, message) -> 1)),
                TestRegistry.of(HandlerDescriptor.value("A#early", "", -5, "early", (request, message) -> 2)))) {
            assertThat(Http.get(server, "/api/message/index").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"early\":2,\"late\":1}}");
        }
    }

    @Test
    void valueHandlerReturningNull_pushesNothing() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.value("T#none", "", 0, "k", (request, message) -> null)))) {
            assertThat(Http.get(server, "/api/message/index").body()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":null}");
        }
    }

    @Test
    void queryParametersAndHeaders_reachHandlers() {
        try (AppMessageServer server = Servers.start(TestRegistry.of(
                HandlerDescriptor.imperative("T#echo", "", 0, (request, message) -> {
                    message.push("q", request.queryParameters());
                    message.push("h", request.header("x-client"));
                    message.push("received", request.receivedAt() != null);
                    return null;
                })))) {
            assertThat(Http.get(server, "/api/message/index?a=1&a=2&b=%E4%BD%A0+x", "X-Client", "mp").body())
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"q\":{\"a\":[\"1\",\"2\"],\"b\":[\"你 x\"]},"
                            + "\"h\":\"mp\",\"received\":true}}");
        }
    }
}

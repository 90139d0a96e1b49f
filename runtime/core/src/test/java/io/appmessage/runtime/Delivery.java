package io.appmessage.runtime;

import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Servers and polls for the delivery tests (issues 6 and 7): the token is the user id, "-" is anonymous. */
final class Delivery {

    static final String POLL = "/api/message/index";

    private Delivery() {
    }

    /** A registry with one value handler, {@code test_msg → 测试消息}, as in the seed. */
    static HandlerRegistry seedRegistry() {
        return TestRegistry.of(HandlerDescriptor.value("Seed#testMsg", "", 0, "test_msg", (request, message) -> "测试消息"));
    }

    /** Loopback, free port, no environment, tokens are user ids. */
    static AppMessageServer.Builder builder(HandlerRegistry... registries) {
        return Servers.builder(registries.length == 0 ? new HandlerRegistry[] {seedRegistry()} : registries)
                .authenticator(token -> Optional.of(Identity.of(token)));
    }

    /** Polls as {@code user} (null = anonymous) with a cursor (null = none) and extra query ("" = none). */
    static Map<String, Object> poll(AppMessageServer server, String user, String cursor, String extraQuery) {
        HttpResponse<String> answer = Http.get(server, path(cursor, extraQuery), headers(user));
        if (answer.statusCode() != 200) {
            throw new AssertionError("poll answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.object(answer.body());
    }

    static String path(String cursor, String extraQuery) {
        List<String> query = new ArrayList<>();
        if (cursor != null) {
            query.add("cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!extraQuery.isEmpty()) {
            query.add(extraQuery);
        }
        return POLL + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    static String[] headers(String user) {
        return user == null ? new String[0] : new String[] {"X-Access-Token", user};
    }

    static List<Long> ids(Map<String, Object> envelope) {
        return Json.messages(envelope).stream().map(m -> (Long) m.get("id")).toList();
    }
}

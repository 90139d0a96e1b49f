package io.appmessage.test;

import io.appmessage.runtime.Identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One poll to send: who polls, its query parameters and headers. Made by {@link AppMessageTester}
 * or {@link AppMessageServerExtension}; each call returns a new poll, so a base poll can be shared.
 *
 * <pre>{@code
 * tester.as("alice").param("shop", "7").header("X-Client", "wxapp").poll();
 * }</pre>
 */
public final class TestPoll {

    /** Sends one poll and returns its answer. */
    interface Sender {
        PollResult send(Identity identity, Map<String, String> params, Map<String, String> headers);
    }

    private final Sender sender;
    private final Identity identity;
    private final Map<String, String> params;
    private final Map<String, String> headers;

    TestPoll(Sender sender, Identity identity, Map<String, String> params, Map<String, String> headers) {
        this.sender = sender;
        this.identity = identity;
        this.params = params;
        this.headers = headers;
    }

    /** The same poll by {@code userId} (no attributes). */
    public TestPoll as(String userId) {
        return as(Identity.of(userId));
    }

    /** The same poll by {@code identity}, whose attributes handlers read with {@code request.attribute(name)}. */
    public TestPoll as(Identity identity) {
        return new TestPoll(sender, identity, params, headers);
    }

    /** The same poll with a query parameter (handlers read it with {@code request.queryParameter(name)}). */
    public TestPoll param(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return new TestPoll(sender, identity, more, headers);
    }

    /** The same poll with a header ({@code X-Access-Token} goes to the app's authenticator, if one was given). */
    public TestPoll header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new TestPoll(sender, identity, params, more);
    }

    /** Sends the poll and waits for its answer (at most the poll deadline, plus a long-poll's wait). */
    public PollResult poll() {
        return sender.send(identity, params, headers);
    }

    static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return null;
        }
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        return query.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

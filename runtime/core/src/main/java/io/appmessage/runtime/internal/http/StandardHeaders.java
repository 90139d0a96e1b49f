package io.appmessage.runtime.internal.http;

import io.appmessage.runtime.PollResponse;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

import java.util.Map;

/** Puts {@link PollResponse#HEADERS}, the headers of every answer, on an Undertow answer. */
final class StandardHeaders {

    private static final HttpString[] NAMES;
    private static final String[] VALUES;

    static {
        Map<String, String> headers = PollResponse.HEADERS;
        NAMES = headers.keySet().stream().sorted().map(HttpString::new).toArray(HttpString[]::new);
        VALUES = headers.keySet().stream().sorted().map(headers::get).toArray(String[]::new);
    }

    private StandardHeaders() {
    }

    static void addTo(HeaderMap headers) {
        for (int i = 0; i < NAMES.length; i++) {
            headers.put(NAMES[i], VALUES[i]);
        }
    }
}

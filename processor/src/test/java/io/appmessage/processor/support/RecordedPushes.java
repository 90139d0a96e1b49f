package io.appmessage.processor.support;

import io.appmessage.AppMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@link AppMessage} that keeps what handlers push, in push order. */
public final class RecordedPushes implements AppMessage {

    private final Map<String, Object> pushed = new LinkedHashMap<>();

    @Override
    public void push(String key, Object data) {
        pushed.put(key, data);
    }

    public Map<String, Object> pushed() {
        return pushed;
    }
}

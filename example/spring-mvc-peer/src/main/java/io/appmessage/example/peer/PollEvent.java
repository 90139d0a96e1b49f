package io.appmessage.example.peer;

import java.util.LinkedHashMap;
import java.util.Map;

/** One poll, published to the {@code @EventListener} handlers; each puts its keys into {@link #data()}. */
public final class PollEvent {

    private final String userId;
    private final Map<String, Object> data = new LinkedHashMap<>();

    PollEvent(String userId) {
        this.userId = userId;
    }

    /** The polling user, or {@code null} for an anonymous poll. */
    public String userId() {
        return userId;
    }

    public Map<String, Object> data() {
        return data;
    }
}

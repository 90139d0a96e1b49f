package io.appmessage.runtime.internal.json;

/** Told when a key is left out of an answer because its value cannot be written as JSON. */
@FunctionalInterface
public interface DroppedKeyListener {

    void dropped(String key, String producer, Object value, Throwable cause);
}

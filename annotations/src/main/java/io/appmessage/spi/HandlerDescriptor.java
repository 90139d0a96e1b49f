package io.appmessage.spi;

import java.util.Objects;

/**
 * One handler as the runtime sees it: who it is, when it runs, and how to call it. Generated
 * {@code HandlerRegister} classes create these; applications rarely need to.
 *
 * <pre>{@code
 * HandlerDescriptor.value("com.shop.OrderHandlers#status", "", 0, "order_status",
 *         (request, message) -> handlers.status(request));
 * }</pre>
 *
 * @param id     {@code fully.qualified.Class#method}, used in every log line about the handler
 * @param plugin the plugin the handler belongs to, or {@code ""} for the application itself
 * @param order  invocation order within a poll, lower first
 * @param kind   how the handler answers, which tells the runtime what {@link HandlerCall#call} returns
 * @param key    the key a value or asynchronous value is pushed under; {@code ""} for imperative handlers
 * @param call   the generated call
 */
public record HandlerDescriptor(String id, String plugin, int order, Kind kind, String key, HandlerCall call) {

    /** How a handler answers a poll. */
    public enum Kind {
        /** A {@code void} method that pushes through {@link io.appmessage.AppMessage}; the call returns {@code null}. */
        IMPERATIVE,
        /** A method returning a value; the runtime pushes a non-null result under {@link #key()}. */
        VALUE,
        /**
         * A method returning a {@code CompletionStage}; with a key, the runtime pushes the stage's
         * non-null result under it; without one ({@code CompletionStage<Void>}) the handler pushes
         * through {@link io.appmessage.AppMessage} before the stage completes. Either way only within the poll's deadline.
         */
        ASYNC
    }

    /** Checks that the descriptor is complete and self-consistent. */
    public HandlerDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(call, "call");
        if (kind == Kind.VALUE && key.isEmpty()) {
            throw new IllegalArgumentException(id + ": a value handler needs a key");
        }
        if (kind == Kind.IMPERATIVE && !key.isEmpty()) {
            throw new IllegalArgumentException(id + ": an imperative handler pushes itself and takes no key");
        }
    }

    /** An imperative ({@code void}) handler. */
    public static HandlerDescriptor imperative(String id, String plugin, int order, HandlerCall call) {
        return new HandlerDescriptor(id, plugin, order, Kind.IMPERATIVE, "", call);
    }

    /** A handler whose non-null result is pushed under {@code key}. */
    public static HandlerDescriptor value(String id, String plugin, int order, String key, HandlerCall call) {
        return new HandlerDescriptor(id, plugin, order, Kind.VALUE, key, call);
    }

    /** An asynchronous handler; {@code key} is {@code ""} for {@code CompletionStage<Void>}. */
    public static HandlerDescriptor async(String id, String plugin, int order, String key, HandlerCall call) {
        return new HandlerDescriptor(id, plugin, order, Kind.ASYNC, key, call);
    }

    /** True when the handler belongs to a plugin. */
    public boolean inPlugin() {
        return !plugin.isEmpty();
    }
}

package io.appmessage.spi;

import java.util.Objects;

/**
 * One handler as the runtime sees it: who it is, when it runs, and how to call it. Generated
 * {@code HandlerRegister} classes create these through the static factories; applications rarely need to.
 *
 * <pre>{@code
 * HandlerDescriptor.value("com.shop.OrderHandlers#status", "", 0, "order_status",
 *         (request, message) -> handlers.status(request));
 * }</pre>
 *
 * <p>A final class reached only through factories, not a record with a public canonical constructor, so
 * that a later version can add a property (with a default in the existing factories) without breaking
 * registers compiled against this one: their calls to the existing factories keep linking.
 */
public final class HandlerDescriptor {

    /** How a handler answers a poll. */
    public enum Kind {
        /** A {@code void} method that pushes through {@link io.appmessage.AppMessage}; the call returns {@code null}. */
        IMPERATIVE,
        /** A method returning a value; the runtime pushes a non-null result under {@link #key()}. */
        VALUE,
        /**
         * A method returning a {@code CompletionStage}; with a key, the runtime pushes the stage's
         * non-null result under it; without one ({@code CompletionStage<Void>}) the handler pushes
         * through {@link io.appmessage.AppMessage} before the stage completes. Either way only within the
         * poll's deadline.
         */
        ASYNC
    }

    private final String id;
    private final String plugin;
    private final int order;
    private final Kind kind;
    private final String key;
    private final boolean blocking;
    private final HandlerCall call;

    private HandlerDescriptor(String id, String plugin, int order, Kind kind, String key, boolean blocking,
                              HandlerCall call) {
        this.id = Objects.requireNonNull(id, "id");
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.order = order;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.key = Objects.requireNonNull(key, "key");
        this.blocking = blocking;
        this.call = Objects.requireNonNull(call, "call");
        if (kind == Kind.VALUE && key.isEmpty()) {
            throw new IllegalArgumentException(id + ": a value handler needs a key");
        }
        if (kind == Kind.IMPERATIVE && !key.isEmpty()) {
            throw new IllegalArgumentException(id + ": an imperative handler pushes itself and takes no key");
        }
    }

    /**
     * A handler of any kind, checked for consistency: a value handler needs a key, an imperative one takes none.
     *
     * @param id     {@code fully.qualified.Class#method}, used in every log line about the handler
     * @param plugin the plugin the handler belongs to, or {@code ""} for the application itself
     * @param order  invocation order within a poll, lower first
     * @param kind   how the handler answers, which tells the runtime what {@link HandlerCall#call} returns
     * @param key    the key a value or asynchronous value is pushed under; {@code ""} for imperative handlers
     * @param call   the generated call
     * @throws IllegalArgumentException when kind and key disagree
     */
    public static HandlerDescriptor of(String id, String plugin, int order, Kind kind, String key, HandlerCall call) {
        return new HandlerDescriptor(id, plugin, order, kind, key, true, call);
    }

    /**
     * A handler of any kind that states whether it may block, checked like {@link #of(String, String, int, Kind,
     * String, HandlerCall)}. Generated registers use this one; the other factories describe blocking handlers.
     *
     * <pre>{@code
     * HandlerDescriptor.of("com.shop.ShopHandlers#version", "", 0, Kind.VALUE, "version", false,
     *         (request, message) -> ShopHandlers.version());   // declared @NonBlocking
     * }</pre>
     *
     * @param blocking {@code false} when the handler is declared {@link io.appmessage.NonBlocking @NonBlocking}
     */
    public static HandlerDescriptor of(String id, String plugin, int order, Kind kind, String key, boolean blocking,
                                       HandlerCall call) {
        return new HandlerDescriptor(id, plugin, order, kind, key, blocking, call);
    }

    /** An imperative ({@code void}) handler. */
    public static HandlerDescriptor imperative(String id, String plugin, int order, HandlerCall call) {
        return new HandlerDescriptor(id, plugin, order, Kind.IMPERATIVE, "", true, call);
    }

    /** A handler whose non-null result is pushed under {@code key}. */
    public static HandlerDescriptor value(String id, String plugin, int order, String key, HandlerCall call) {
        return new HandlerDescriptor(id, plugin, order, Kind.VALUE, key, true, call);
    }

    /** An asynchronous handler; {@code key} is {@code ""} for {@code CompletionStage<Void>}. */
    public static HandlerDescriptor async(String id, String plugin, int order, String key, HandlerCall call) {
        return new HandlerDescriptor(id, plugin, order, Kind.ASYNC, key, true, call);
    }

    /** {@code fully.qualified.Class#method}, used in every log line about the handler. */
    public String id() {
        return id;
    }

    /** The plugin the handler belongs to, or {@code ""} for the application itself. */
    public String plugin() {
        return plugin;
    }

    /** Invocation order within a poll, lower first. */
    public int order() {
        return order;
    }

    /** How the handler answers, which tells the runtime what {@link HandlerCall#call} returns. */
    public Kind kind() {
        return kind;
    }

    /** The key a value or asynchronous value is pushed under; {@code ""} for imperative handlers. */
    public String key() {
        return key;
    }

    /**
     * Whether the handler may block: {@code true} (the default) unless it is declared
     * {@link io.appmessage.NonBlocking @NonBlocking}, on its method, class or package. The runtime runs a
     * poll whose handlers are all non-blocking on the thread it arrived on, without a hop to a worker.
     * Registers generated before the declaration existed describe every handler as blocking.
     */
    public boolean blocking() {
        return blocking;
    }

    /** This handler, described as declared {@link io.appmessage.NonBlocking @NonBlocking}. */
    public HandlerDescriptor nonBlocking() {
        return blocking ? new HandlerDescriptor(id, plugin, order, kind, key, false, call) : this;
    }

    /** The generated call. */
    public HandlerCall call() {
        return call;
    }

    /** True when the handler belongs to a plugin. */
    public boolean inPlugin() {
        return !plugin.isEmpty();
    }

    /**
     * {@code HandlerDescriptor[VALUE com.shop.OrderHandlers#status -> order_status, order 0]}, with
     * {@code , non-blocking} before the closing bracket when declared so; for logs and tests.
     */
    @Override
    public String toString() {
        return "HandlerDescriptor[" + kind + " " + id + (key.isEmpty() ? "" : " -> " + key)
                + (plugin.isEmpty() ? "" : ", plugin " + plugin) + ", order " + order
                + (blocking ? "" : ", non-blocking") + "]";
    }
}

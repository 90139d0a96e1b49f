package io.appmessage.spi;

import java.util.function.Supplier;
import io.appmessage.InstanceProvider;

/**
 * How generated code obtains handler objects, once, when a registry's handlers are created. Kept
 * here so every generated {@code HandlerRegister} behaves the same and stays short.
 *
 * <pre>{@code
 * ShopHandlers shop = HandlerInstances.provideOrCreate(instances, ShopHandlers.class, ShopHandlers::new);
 * OrderHandlers orders = HandlerInstances.provide(instances, OrderHandlers.class);
 * }</pre>
 */
public final class HandlerInstances {

    private HandlerInstances() {
    }

    /** The provider's instance, or a new one from the class's no-arg constructor when it has none. */
    public static <T> T provideOrCreate(InstanceProvider instances, Class<T> type, Supplier<T> constructor) {
        T provided = instances.get(type);
        return provided != null ? provided : constructor.get();
    }

    /**
     * The provider's instance of a class that cannot be built here (no accessible no-arg
     * constructor).
     *
     * @throws IllegalStateException naming the class and the fix, when the provider has none
     */
    public static <T> T provide(InstanceProvider instances, Class<T> type) {
        T provided = instances.get(type);
        if (provided == null) {
            throw new IllegalStateException("[AppMessage-NoInstance] " + type.getName()
                    + " has @OnAppMessageRequest instance methods but no accessible no-arg constructor,"
                    + " and the InstanceProvider (" + instances + ") returned null for it."
                    + " Register it with your DI container and pass the container to the server's"
                    + " instanceProvider(...), or give the class a public no-arg constructor.");
        }
        return provided;
    }
}

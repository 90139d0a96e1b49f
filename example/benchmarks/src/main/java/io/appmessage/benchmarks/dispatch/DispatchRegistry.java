package io.appmessage.benchmarks.dispatch;

import io.appmessage.spi.HandlerRegistry;
import io.appmessage.benchmarks.HandlerRegister;

/**
 * Where the benchmarks get their {@code HandlerRegister}: the class the real processor generates
 * at build time from this module's {@code @OnAppMessageRequest} methods (the 100 dispatch handlers
 * and the ten shop handlers) and records ({@code OrderStatus}).
 *
 * <pre>{@code
 * GeneratedDispatch.firstOf(DispatchRegistry.generated(), 10);
 * }</pre>
 */
public final class DispatchRegistry {

    private DispatchRegistry() {
    }

    public static HandlerRegistry generated() {
        return new HandlerRegister();
    }
}

package io.appmessage.benchmarks.dispatch;

import io.appmessage.HandlerRegistry;

/**
 * Where the dispatch benchmark gets its {@code HandlerRegister}: one place to switch from the
 * hand-written stand-in to the processor's generated class.
 */
public final class DispatchRegistry {

    private DispatchRegistry() {
    }

    public static HandlerRegistry generated() {
        return new StandInHandlerRegister();
    }
}

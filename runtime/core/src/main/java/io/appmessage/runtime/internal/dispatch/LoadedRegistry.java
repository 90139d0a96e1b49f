package io.appmessage.runtime.internal.dispatch;

/**
 * One registry the server runs, as the start-up line shows it: its class, how many handlers it contributed
 * and the jar (or classes directory) it was loaded from, so a plugin jar that lost its registry is visible
 * by its absence.
 *
 * <pre>{@code
 * LoadedRegistry shop = RegistryLoader.describe(registry, handlers.size());
 * shop.toString();   // "com.shop.HandlerRegister (3 handlers, shop-1.0.jar)"
 * }</pre>
 *
 * @param className    the registry's class name
 * @param handlerCount the handlers it contributed
 * @param jar          the file name of its code source (a jar, or a classes directory), or
 *                     {@value RegistryLoader#UNKNOWN_SOURCE} when the class loader does not say
 */
public record LoadedRegistry(String className, int handlerCount, String jar) {

    @Override
    public String toString() {
        return className + " (" + handlerCount + (handlerCount == 1 ? " handler, " : " handlers, ") + jar + ")";
    }
}

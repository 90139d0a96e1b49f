package io.appmessage.spi;

import java.util.List;
import io.appmessage.InstanceProvider;

/**
 * The handlers and JSON writers of one compilation unit (an app, or a plugin jar). The annotation
 * processor implements it as a generated {@code HandlerRegister} class and lists it in
 * {@code META-INF/services/io.appmessage.spi.HandlerRegistry}, so the runtime finds every jar's
 * registry with {@link java.util.ServiceLoader}, without classpath scanning.
 *
 * <pre>{@code
 * for (HandlerRegistry registry : ServiceLoader.load(HandlerRegistry.class)) {
 *     registry.registerWriters(writers);
 *     handlers.addAll(registry.handlers(InstanceProvider.NONE));
 * }
 * }</pre>
 *
 * <p>Implementations must have a public no-arg constructor (ServiceLoader needs it) and be cheap
 * to construct; all work happens in {@link #handlers(InstanceProvider)}, called once at start-up.
 */
public interface HandlerRegistry {

    /**
     * The version of this contract: the shape of generated registers and of the calls they make into
     * {@link HandlerDescriptor}, {@link HandlerInstances} and {@link JsonWriters}. It changes when a register
     * written for the old shape could no longer run; the runtime refuses, at start, a register that states
     * a version it cannot run, naming the register and the fix (rebuild with the matching appmessage-processor).
     *
     * <p>Version 3 added {@link HandlerDescriptor#blocking()} (registers call
     * {@link HandlerDescriptor#nonBlocking()}, absent from version 2). A runtime of version 3 still runs
     * registers of version 2, describing all their handlers as blocking; a runtime of version 2 refuses a
     * register of version 3 at start instead of failing on the first missing method.
     *
     * <p>Version 4 describes a register's handlers with {@link HandlerTable} (one row per handler instead of a
     * factory call each) and obtains handler objects from the {@link io.appmessage.InstanceProvider} directly.
     * A runtime of version 4 still runs registers of versions 2 and 3; a runtime of version 3 refuses one of
     * version 4 at start.
     */
    int CONTRACT_VERSION = 4;

    /**
     * The contract version this register was written for. Generated registers return the number the
     * processor wrote them for, as a literal; the default, for registries written by hand against this
     * interface, is the version of the interface they run with.
     */
    default int contractVersion() {
        return CONTRACT_VERSION;
    }

    /**
     * Creates the handler descriptors, in invocation order, obtaining the objects of instance
     * methods once, from {@code instances} or their no-arg constructors.
     *
     * @throws IllegalStateException when a handler object cannot be obtained (see {@link HandlerInstances#provide})
     */
    List<HandlerDescriptor> handlers(InstanceProvider instances);

    /** Registers the JSON writers generated for records this compilation pushes; none by default. */
    default void registerWriters(JsonWriters writers) {
    }
}

package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import io.appmessage.spi.HandlerDescriptor;
import java.util.Comparator;
import java.util.List;

/**
 * One valid handler method, as the writer needs it: names and flags only, no {@code Element}.
 *
 * @param owner      the declaring class
 * @param method     the method's simple name
 * @param isStatic   called on the class, or on the one instance HandlerRegister obtains
 * @param parameters the method's parameters, in declaration order
 * @param kind       how the handler answers
 * @param key        the push key, {@code ""} for none
 * @param order      invocation order
 * @param plugin     the plugin name, {@code ""} for the application
 * @param instances  how an instance handler's object is obtained; {@code STATIC} for static handlers
 * @param blocking   false when declared {@code @NonBlocking} (on the method, a class around it, or its package)
 */
public record HandlerModel(
        ClassName owner,
        String method,
        boolean isStatic,
        List<Parameter> parameters,
        HandlerDescriptor.Kind kind,
        String key,
        int order,
        String plugin,
        InstanceSource instances,
        boolean blocking) {

    /** What a handler parameter receives. */
    public enum Parameter {
        REQUEST("request"),
        MESSAGE("message");

        private final String argument;

        Parameter(String argument) {
            this.argument = argument;
        }

        /** The generated lambda's parameter that is passed for it. */
        public String argument() {
            return argument;
        }
    }

    /** Where the object of an instance handler comes from. */
    public enum InstanceSource {
        /** A static handler: no object. */
        STATIC,
        /** The instance provider, else the accessible no-arg constructor. */
        PROVIDER_OR_CONSTRUCTOR,
        /** The instance provider only: the class has no no-arg constructor. */
        PROVIDER
    }

    /** Invocation order: order, then class, then method, then parameters (deterministic, so the output does not depend on the order javac reports elements). */
    public static final Comparator<HandlerModel> INVOCATION_ORDER = Comparator
            .comparingInt(HandlerModel::order)
            .thenComparing(handler -> handler.owner().canonicalName())
            .thenComparing(HandlerModel::method)
            .thenComparing(handler -> handler.parameters().toString());

    public HandlerModel {
        parameters = List.copyOf(parameters);
    }

    /** {@code fully.qualified.Class#method}, the id the runtime logs. */
    public String id() {
        return owner.reflectionName() + "#" + method;
    }
}

package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * What HandlerRegister contains.
 *
 * @param name     the generated class
 * @param handlers the handlers, in invocation order
 * @param writers  the JSON writer classes to register, sorted by name
 */
public record RegistryModel(ClassName name, List<HandlerModel> handlers, List<ClassName> writers) {

    public RegistryModel {
        handlers = handlers.stream().sorted(HandlerModel.INVOCATION_ORDER).toList();
        writers = writers.stream().sorted((a, b) -> a.canonicalName().compareTo(b.canonicalName())).toList();
    }
}

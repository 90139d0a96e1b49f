package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Generates the {@code HandlerRegister} of a compilation from its {@link RegistryModel}: one
 * object per handler class, obtained once, and one descriptor per handler whose call is a lambda, so
 * the runtime calls handlers without reflection, {@code Class.forName} or {@code MethodHandle}. The
 * register states the contract version it is written for, {@link #CONTRACT_VERSION}, as a literal.
 */
public final class RegisterGenerator {

    /**
     * The contract version of the code this generator writes: the spi's version this processor was
     * compiled against. Written into each register as a literal, so a register keeps stating the version
     * it was generated for whatever annotations jar it later runs with.
     */
    static final int CONTRACT_VERSION = ApiNames.CONTRACT_VERSION;

    public TypeSpec generate(RegistryModel model, List<? extends Element> origins) {
        TypeSpec.Builder type = TypeSpec.classBuilder(model.name())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(ApiNames.GENERATED)
                .addSuperinterface(ApiNames.HANDLER_REGISTRY)
                .addJavadoc("The AppMessage handlers and JSON writers of this compilation, written by the AppMessage\n"
                        + "annotation processor from its {@code @OnAppMessageRequest} methods and records.\n"
                        + "Do not edit: it is rewritten on every build.\n"
                        + "\n"
                        + "<p>The runtime finds it with {@link java.util.ServiceLoader} through\n"
                        + "{@code META-INF/services/io.appmessage.spi.HandlerRegistry}, calls {@link #handlers} once at\n"
                        + "start-up, and then runs each handler on every poll through the lambdas below.\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Called by {@link java.util.ServiceLoader}; does nothing.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .build())
                .addMethod(contractVersion())
                .addMethod(handlers(model.handlers()));
        if (!model.writers().isEmpty()) {
            type.addMethod(registerWriters(model.writers()));
        }
        origins.forEach(type::addOriginatingElement);
        return type.build();
    }

    private static MethodSpec contractVersion() {
        return MethodSpec.methodBuilder("contractVersion")
                .addJavadoc("The contract version this register was generated for; the runtime refuses to start\n"
                        + "with a register whose version it cannot run.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addStatement("return $L", CONTRACT_VERSION)
                .build();
    }

    private static MethodSpec handlers(List<HandlerModel> handlers) {
        NameAllocator names = new NameAllocator();
        for (String reserved : List.of("instances", "request", "message")) {
            names.newName(reserved, reserved);
        }
        String array = names.newName("handlers", "handlers array");
        // one object per class with instance handlers, sorted by class name for stable output
        Map<String, HandlerModel> instanceOwners = new TreeMap<>();
        handlers.stream().filter(handler -> !handler.isStatic())
                .forEach(handler -> instanceOwners.putIfAbsent(handler.owner().canonicalName(), handler));
        CodeBlock.Builder body = CodeBlock.builder();
        for (HandlerModel handler : instanceOwners.values()) {
            ClassName owner = handler.owner();
            String local = names.newName(decapitalize(String.join("", owner.simpleNames())), owner.canonicalName());
            if (handler.instances() == HandlerModel.InstanceSource.PROVIDER_OR_CONSTRUCTOR) {
                body.addStatement("$T $N = $T.provideOrCreate(instances, $T.class, $T::new)",
                        owner, local, ApiNames.HANDLER_INSTANCES, owner, owner);
            } else {
                body.addStatement("$T $N = $T.provide(instances, $T.class)",
                        owner, local, ApiNames.HANDLER_INSTANCES, owner);
            }
        }
        if (handlers.isEmpty()) {
            body.addStatement("return $T.of()", List.class);
        } else {
            // Plain assignments, not one List.of(...) call: a generic varargs call whose arguments all
            // hold lambdas makes javac attribute every argument per overload candidate and infer the
            // element type from all of them, which took seconds for 1,000 handlers.
            body.addStatement("$T[] $N = new $T[$L]", ApiNames.HANDLER_DESCRIPTOR, array, ApiNames.HANDLER_DESCRIPTOR,
                    handlers.size());
            for (int i = 0; i < handlers.size(); i++) {
                body.add("$N[$L] = $L;\n", array, i, descriptor(handlers.get(i), names));
            }
            body.addStatement("return $T.of($N)", List.class, array);
        }
        return MethodSpec.methodBuilder("handlers")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), ApiNames.HANDLER_DESCRIPTOR))
                .addParameter(ApiNames.INSTANCE_PROVIDER, "instances")
                .addCode(body.build())
                .build();
    }

    private static CodeBlock descriptor(HandlerModel handler, NameAllocator names) {
        CodeBlock invocation = CodeBlock.of("$L.$N($L)",
                handler.isStatic() ? CodeBlock.of("$T", handler.owner())
                        : CodeBlock.of("$N", names.get(handler.owner().canonicalName())),
                handler.method(),
                handler.parameters().stream().map(HandlerModel.Parameter::argument).collect(Collectors.joining(", ")));
        CodeBlock described = switch (handler.kind()) {
            case IMPERATIVE -> CodeBlock.of("$T.imperative($S, $S, $L, (request, message) -> {\n$>$L;\nreturn null;\n$<})",
                    ApiNames.HANDLER_DESCRIPTOR, handler.id(), handler.plugin(), handler.order(), invocation);
            case VALUE -> CodeBlock.of("$T.value($S, $S, $L, $S, (request, message) -> $L)",
                    ApiNames.HANDLER_DESCRIPTOR, handler.id(), handler.plugin(), handler.order(), handler.key(),
                    invocation);
            case ASYNC -> CodeBlock.of("$T.async($S, $S, $L, $S, (request, message) -> $L)",
                    ApiNames.HANDLER_DESCRIPTOR, handler.id(), handler.plugin(), handler.order(), handler.key(),
                    invocation);
        };
        return handler.blocking() ? described : CodeBlock.of("$L.nonBlocking()", described);
    }

    private static MethodSpec registerWriters(List<ClassName> writers) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("registerWriters")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ApiNames.JSON_WRITERS, "writers");
        writers.forEach(writer -> method.addStatement("$T.register(writers)", writer));
        return method.build();
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

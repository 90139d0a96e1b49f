package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Generates the {@code HandlerRegister} of a compilation from its {@link RegistryModel}: one
 * descriptor per handler, whose call names the handler's index in the register's {@code Dispatch}
 * ({@link DispatchGenerator}), which holds one object per handler class and calls the handlers
 * directly, without reflection, {@code Class.forName} or {@code MethodHandle}. The
 * register states the contract version it is written for, {@link #CONTRACT_VERSION}, as a literal.
 */
public final class RegisterGenerator {

    /**
     * The contract version of the code this generator writes: the spi's version this processor was
     * compiled against. Written into each register as a literal, so a register keeps stating the version
     * it was generated for whatever annotations jar it later runs with.
     */
    static final int CONTRACT_VERSION = ApiNames.CONTRACT_VERSION;

    /** Descriptors per generated method, far below the 64 KB a method's bytecode may hold. */
    static final int DESCRIBE_CHUNK = 256;

    private static final ParameterizedTypeName DESCRIPTOR_LIST =
            ParameterizedTypeName.get(ClassName.get(List.class), ApiNames.HANDLER_DESCRIPTOR);

    public TypeSpec generate(RegistryModel model, List<? extends Element> origins) {
        DispatchGenerator dispatch = new DispatchGenerator(model.name(), model.handlers());
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
                        + "start-up, and then runs the handlers on every poll through {@code Dispatch.run}, which\n"
                        + "calls them directly, in order.\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Called by {@link java.util.ServiceLoader}; does nothing.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .build())
                .addMethod(contractVersion())
                .addMethod(handlers(model.handlers(), dispatch))
                .addMethods(describeMethods(model.handlers(), dispatch));
        if (model.hasWriters()) {
            NestedWritersGenerator writers = new NestedWritersGenerator(model.name(), model.records());
            MethodSpec.Builder registerWriters = MethodSpec.methodBuilder("registerWriters")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(ApiNames.JSON_WRITERS, "writers");
            List<MethodSpec> chunks = writers.registrations(registerWriters);
            model.writerClasses().forEach(writer -> registerWriters.addStatement("$T.register(writers)", writer));
            type.addMethod(registerWriters.build()).addMethods(chunks);
            if (!model.records().isEmpty()) {
                type.addType(writers.generate());
            }
        }
        if (!model.handlers().isEmpty()) {
            type.addType(dispatch.generate());
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

    private static MethodSpec handlers(List<HandlerModel> handlers, DispatchGenerator dispatch) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("handlers")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(DESCRIPTOR_LIST)
                .addParameter(ApiNames.INSTANCE_PROVIDER, "instances");
        if (handlers.isEmpty()) {
            return method.addStatement("return $T.of()", List.class).build();
        }
        method.addStatement("$T dispatch = new $T(instances)", dispatch.name(), dispatch.name())
                .addStatement("$T[] handlers = new $T[$L]", ApiNames.HANDLER_DESCRIPTOR, ApiNames.HANDLER_DESCRIPTOR,
                        handlers.size());
        if (handlers.size() <= DESCRIBE_CHUNK) {
            method.addCode(describe(handlers, 0, handlers.size()));
        } else {
            for (int start = 0; start < handlers.size(); start += DESCRIBE_CHUNK) {
                method.addStatement("describe$L(handlers, dispatch)", start / DESCRIBE_CHUNK);
            }
        }
        return method.addStatement("return $T.of(handlers)", List.class).build();
    }

    /** For registers of more than {@link #DESCRIBE_CHUNK} handlers: the descriptors in methods of that many. */
    private static List<MethodSpec> describeMethods(List<HandlerModel> handlers, DispatchGenerator dispatch) {
        List<MethodSpec> methods = new java.util.ArrayList<>();
        if (handlers.size() <= DESCRIBE_CHUNK) {
            return methods;
        }
        for (int start = 0; start < handlers.size(); start += DESCRIBE_CHUNK) {
            methods.add(MethodSpec.methodBuilder("describe" + start / DESCRIBE_CHUNK)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(com.palantir.javapoet.ArrayTypeName.of(ApiNames.HANDLER_DESCRIPTOR), "handlers")
                    .addParameter(dispatch.name(), "dispatch")
                    .addCode(describe(handlers, start, Math.min(start + DESCRIBE_CHUNK, handlers.size())))
                    .build());
        }
        return methods;
    }

    // Plain assignments, not one List.of(...) call: a generic varargs call over every descriptor makes
    // javac infer its element type from all of them, which took seconds for 1,000 handlers.
    private static CodeBlock describe(List<HandlerModel> handlers, int start, int end) {
        CodeBlock.Builder body = CodeBlock.builder();
        for (int i = start; i < end; i++) {
            HandlerModel handler = handlers.get(i);
            body.addStatement("handlers[$L] = $T.of($S, $S, $L, $T.$L, $S, $L, new $T(dispatch, $L))", i,
                    ApiNames.HANDLER_DESCRIPTOR, handler.id(), handler.plugin(), handler.order(), ApiNames.HANDLER_KIND,
                    handler.kind().name(), handler.key(), handler.blocking(), ApiNames.DISPATCHED_CALL, i);
        }
        return body.build();
    }
}

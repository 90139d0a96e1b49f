package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Generates the {@code HandlerRegister} of a compilation from its {@link RegistryModel}: one
 * row of the {@code HandlerTable} per handler, whose call is the handler's index in the register's {@code Dispatch}
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

    /** Table rows per generated method: 8 bytes of bytecode each, far below the 64 KB a method may hold. */
    static final int ROWS_CHUNK = 2048;

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
                .addMethods(rowMethods(model.handlers()));
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
        if (handlers.size() <= ROWS_CHUNK) {
            return method.addStatement("return $T.describe(new $T(instances),$L)", ApiNames.HANDLER_TABLE,
                    dispatch.name(), rows(handlers, 0, handlers.size())).build();
        }
        StringBuilder chunks = new StringBuilder();
        for (int start = 0; start < handlers.size(); start += ROWS_CHUNK) {
            chunks.append(start == 0 ? "" : ", ").append("rows").append(start / ROWS_CHUNK).append("()");
        }
        return method.addStatement("return $T.describe(new $T(instances), $T.join($L))", ApiNames.HANDLER_TABLE,
                dispatch.name(), ApiNames.HANDLER_TABLE, chunks).build();
    }

    /** For registers of more than {@link #ROWS_CHUNK} handlers: the rows in methods of that many. */
    private static List<MethodSpec> rowMethods(List<HandlerModel> handlers) {
        List<MethodSpec> methods = new ArrayList<>();
        if (handlers.size() <= ROWS_CHUNK) {
            return methods;
        }
        for (int start = 0; start < handlers.size(); start += ROWS_CHUNK) {
            methods.add(MethodSpec.methodBuilder("rows" + start / ROWS_CHUNK)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(String[].class)
                    .addStatement("return new String[] {$L}",
                            rows(handlers, start, Math.min(start + ROWS_CHUNK, handlers.size())))
                    .build());
        }
        return methods;
    }

    /**
     * The table rows of handlers {@code start} to {@code end}, one string literal a line: id, plugin, order, kind,
     * key and blocking, joined by commas (see {@code HandlerTable}). Written as one preformatted block: ids,
     * plugin names and keys hold only letters, digits and {@code . _ - $ #}, which need no escaping.
     */
    private static String rows(List<HandlerModel> handlers, int start, int end) {
        StringBuilder rows = new StringBuilder(64 * (end - start));
        for (int i = start; i < end; i++) {
            HandlerModel handler = handlers.get(i);
            rows.append(i == start ? "\n\"" : ",\n\"").append(handler.id()).append(',').append(handler.plugin())
                    .append(',').append(handler.order()).append(',').append(handler.kind().name()).append(',')
                    .append(handler.key()).append(',').append(handler.blocking()).append('"');
        }
        return rows.toString();
    }
}

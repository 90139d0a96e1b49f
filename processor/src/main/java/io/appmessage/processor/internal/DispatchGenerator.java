package io.appmessage.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Generates a register's {@code Dispatch}: a nested class holding one object per handler class and
 * calling every handler directly, in order, each in its own {@code try} (the protocol of
 * {@code io.appmessage.spi.HandlerDispatch}). The calls are a {@code switch} on the first index that
 * falls through to the last, in methods of at most {@link #CHUNK} handlers: a method the JIT compiles
 * and inlines small handlers into (HotSpot does not compile methods over 8,000 bytes of bytecode).
 */
final class DispatchGenerator {

    /** Handlers per generated method. */
    static final int CHUNK = 32;

    static final String CLASS_NAME = "Dispatch";
    private static final List<String> RESERVED = List.of("from", "to", "request", "steps", "message", "error",
            "instances");

    private final ClassName name;
    private final List<HandlerModel> handlers;
    private final NameAllocator names = new NameAllocator();
    /** Field name by owner class, for classes with instance handlers, sorted by class name. */
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, HandlerModel> instanceOwners = new TreeMap<>();

    DispatchGenerator(ClassName register, List<HandlerModel> handlers) {
        this.name = register.nestedClass(CLASS_NAME);
        this.handlers = handlers;
        RESERVED.forEach(reserved -> names.newName(reserved, reserved));
        handlers.stream().filter(handler -> !handler.isStatic())
                .forEach(handler -> instanceOwners.putIfAbsent(handler.owner().canonicalName(), handler));
        for (HandlerModel owner : instanceOwners.values()) {
            fields.put(owner.owner().canonicalName(), names.newName(
                    decapitalize(String.join("", owner.owner().simpleNames())), owner.owner().canonicalName()));
        }
    }

    ClassName name() {
        return name;
    }

    TypeSpec generate() {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ApiNames.HANDLER_DISPATCH)
                .addJavadoc("Calls the handlers directly, in order, each in its own {@code try}: the runtime makes one\n"
                        + "call per poll into {@link #run} instead of one per handler.\n");
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addParameter(ApiNames.INSTANCE_PROVIDER, "instances");
        for (HandlerModel handler : instanceOwners.values()) {
            ClassName owner = handler.owner();
            String field = fields.get(owner.canonicalName());
            type.addField(FieldSpec.builder(owner, field, Modifier.PRIVATE, Modifier.FINAL).build());
            if (handler.instances() == HandlerModel.InstanceSource.PROVIDER_OR_CONSTRUCTOR) {
                constructor.addStatement("this.$N = $T.provideOrCreate(instances, $T.class, $T::new)",
                        field, ApiNames.HANDLER_INSTANCES, owner, owner);
            } else {
                constructor.addStatement("this.$N = $T.provide(instances, $T.class)", field, ApiNames.HANDLER_INSTANCES,
                        owner);
            }
        }
        type.addMethod(constructor.build());
        if (handlers.size() <= CHUNK) {
            type.addMethod(runMethod("run", 0, handlers.size(), false)
                    .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).build());
            return type.build();
        }
        MethodSpec.Builder run = signature(MethodSpec.methodBuilder("run")).addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC);
        for (int start = 0; start < handlers.size(); start += CHUNK) {
            int end = Math.min(start + CHUNK, handlers.size());
            String chunk = "run" + (start / CHUNK);
            boolean last = end == handlers.size();
            if (last) {
                run.beginControlFlow("if (from < $L && to > $L)", end, start)
                        .addStatement("$N(Math.max(from, $L), to, request, steps)", chunk, start).endControlFlow();
            } else {
                run.beginControlFlow("if (from < $L && to > $L && !$N(Math.max(from, $L), to, request, steps))",
                        end, start, chunk, start).addStatement("return").endControlFlow();
            }
            type.addMethod(runMethod(chunk, start, end, true).addModifiers(Modifier.PRIVATE).build());
        }
        return type.addMethod(run.build()).build();
    }

    /**
     * The calls of handlers {@code start} to {@code end}: a fall-through switch on {@code from}. A
     * chunk method returns false when {@code begin} stopped the run, true when it reached {@code to}.
     */
    private MethodSpec.Builder runMethod(String method, int start, int end, boolean chunk) {
        MethodSpec.Builder run = signature(MethodSpec.methodBuilder(method))
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "fallthrough")
                        .build());
        if (chunk) {
            run.returns(boolean.class);
        }
        String done = chunk ? "return true" : "return";
        String stopped = chunk ? "return false" : "return";
        run.addStatement("$T message", ApiNames.APP_MESSAGE).beginControlFlow("switch (from)");
        for (int i = start; i < end; i++) {
            run.addCode("case $L:\n$>", i)
                    .beginControlFlow("if (to <= $L)", i).addStatement(done).endControlFlow()
                    .beginControlFlow("if ((message = steps.begin($L)) == null)", i).addStatement(stopped)
                    .endControlFlow()
                    .beginControlFlow("try")
                    .addCode(call(handlers.get(i)))
                    .nextControlFlow("catch ($T error)", Throwable.class)
                    .addStatement("steps.threw(error)")
                    .endControlFlow()
                    .addCode("$<");
        }
        run.addCode("default:\n").endControlFlow();
        if (chunk) {
            run.addStatement("return true");
        }
        return run;
    }

    private static MethodSpec.Builder signature(MethodSpec.Builder method) {
        return method.addParameter(int.class, "from").addParameter(int.class, "to")
                .addParameter(ApiNames.APP_MESSAGE_REQUEST, "request").addParameter(ApiNames.HANDLER_STEPS, "steps");
    }

    private CodeBlock call(HandlerModel handler) {
        CodeBlock invocation = CodeBlock.of("$L.$N($L)",
                handler.isStatic() ? CodeBlock.of("$T", handler.owner())
                        : CodeBlock.of("this.$N", fields.get(handler.owner().canonicalName())),
                handler.method(),
                handler.parameters().stream().map(HandlerModel.Parameter::argument).collect(Collectors.joining(", ")));
        if (handler.kind() == io.appmessage.spi.HandlerDescriptor.Kind.IMPERATIVE) {
            return CodeBlock.builder().addStatement("$L", invocation).addStatement("steps.returned(null)").build();
        }
        return CodeBlock.builder().addStatement("steps.returned($L)", invocation).build();
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

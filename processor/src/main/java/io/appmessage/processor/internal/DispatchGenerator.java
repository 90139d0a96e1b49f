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
 * calling every handler directly, in order (the protocol of {@code io.appmessage.spi.HandlerDispatch}).
 * The calls are a {@code switch} on the first index that falls through to the last, inside one
 * {@code try} that re-enters it after a failing handler, in methods of at most {@link #CHUNK} handlers:
 * methods the JIT compiles and inlines small handlers into (HotSpot does not compile methods over 8,000
 * bytes of bytecode), and little source for javac.
 */
final class DispatchGenerator {

    /** Handlers per generated method. */
    static final int CHUNK = 8;

    static final String CLASS_NAME = "Dispatch";
    private static final List<String> RESERVED = List.of("from", "next", "request", "steps", "message", "error",
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
                .addJavadoc("Calls the handlers directly, in order; a failing handler is caught and the run goes on with\n"
                        + "the next. The runtime makes one call per poll into {@link #run} instead of one per handler.\n");
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addParameter(ApiNames.INSTANCE_PROVIDER, "instances");
        for (HandlerModel handler : instanceOwners.values()) {
            ClassName owner = handler.owner();
            String field = fields.get(owner.canonicalName());
            type.addField(FieldSpec.builder(owner, field, Modifier.PRIVATE, Modifier.FINAL).build());
            if (handler.instances() == HandlerModel.InstanceSource.PROVIDER_OR_CONSTRUCTOR) {
                // the provider's object, else the no-arg constructor's: no Supplier lambda, which javac infers per class
                constructor.addStatement("$T $N = instances.get($T.class)", owner, field, owner)
                        .addStatement("this.$N = $N != null ? $N : new $T()", field, field, field, owner);
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
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "fallthrough")
                        .build())
                .beginControlFlow("switch (from / $L)", CHUNK);
        for (int start = 0; start < handlers.size(); start += CHUNK) {
            int end = Math.min(start + CHUNK, handlers.size());
            String chunk = "run" + (start / CHUNK);
            run.addCode("case $L:\n$>", start / CHUNK);
            if (end == handlers.size()) {
                run.addStatement("$N(from, request, steps)", chunk);
            } else {
                run.addStatement("if (!$N(from, request, steps)) return", chunk).addStatement("from = $L", end);
            }
            run.addCode("$<");
            type.addMethod(runMethod(chunk, start, end, true).addModifiers(Modifier.PRIVATE).build());
        }
        run.endControlFlow();
        return type.addMethod(run.build()).build();
    }

    /**
     * The calls of handlers {@code start} to {@code end}: a fall-through switch on the next index inside one
     * {@code try}, re-entered after a failure at the index {@code threw} names. A chunk method returns false
     * when {@code begin} stopped the run, true when it ran past its last handler.
     */
    private MethodSpec.Builder runMethod(String method, int start, int end, boolean chunk) {
        MethodSpec.Builder run = signature(MethodSpec.methodBuilder(method))
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "fallthrough")
                        .build());
        if (chunk) {
            run.returns(boolean.class);
        }
        String stopped = chunk ? "return false;" : "return;";
        boolean usesMessage = handlers.subList(start, end).stream()
                .anyMatch(handler -> handler.parameters().contains(HandlerModel.Parameter.MESSAGE));
        if (usesMessage) {
            run.addStatement("$T message", ApiNames.APP_MESSAGE);
        }
        run.addStatement("int next = from").beginControlFlow("while (true)").beginControlFlow("try")
                .beginControlFlow("switch (next)");
        for (int i = start; i < end; i++) {
            HandlerModel handler = handlers.get(i);
            boolean takesMessage = handler.parameters().contains(HandlerModel.Parameter.MESSAGE);
            run.addCode("case $L:\n$>", i)
                    .addCode(takesMessage ? "if ((message = steps.begin($L)) == null) $L\n" : "if (steps.begin($L) == null) $L\n",
                            i, stopped)
                    .addCode(call(handler))
                    .addCode("$<");
        }
        run.addCode("default:\n$>").addStatement(chunk ? "return true" : "return").addCode("$<")
                .endControlFlow()
                .nextControlFlow("catch ($T error)", Throwable.class)
                .addStatement("next = steps.threw(error)")
                .endControlFlow()
                .endControlFlow();
        return run;
    }

    private static MethodSpec.Builder signature(MethodSpec.Builder method) {
        return method.addParameter(int.class, "from")
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

package io.appmessage.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates the register's nested {@code Writers} class: the JSON writers of every record the
 * register's package can name, in one class instead of one file per record. Each record gets a
 * {@code Writers} instance holding its index, whose {@code write} switches to that record's static
 * method; so a build writes one source file, and javac enters one class, however many records
 * handlers push. Records the register cannot name (package-private in another package) keep a
 * {@link JsonWriterGenerator writer class} of their own, in their package.
 *
 * <pre>{@code
 * writers.register(OrderStatus.class, new Writers(0));    // in registerWriters
 *
 * private static void write0(OrderStatus value, JsonSink sink) {
 *     sink.beginObject();
 *     sink.name("order_no");
 *     sink.string(value.orderNo());
 *     sink.endObject();
 * }
 * }</pre>
 */
final class NestedWritersGenerator {

    static final String CLASS_NAME = "Writers";

    /** Records per generated switch or registration method, far below the 64 KB a method's bytecode may hold. */
    static final int CHUNK = 256;

    private final ClassName name;
    private final List<RecordModel> records;

    NestedWritersGenerator(ClassName register, List<RecordModel> records) {
        this.name = register.nestedClass(CLASS_NAME);
        this.records = records;
    }

    /** The statements of {@code registerWriters} that register the nested writers, in chunks when there are many. */
    List<MethodSpec> registrations(MethodSpec.Builder registerWriters) {
        List<MethodSpec> chunks = new ArrayList<>();
        if (records.size() <= CHUNK) {
            addRegistrations(registerWriters, 0, records.size());
            return chunks;
        }
        for (int start = 0; start < records.size(); start += CHUNK) {
            String chunk = "registerWriters" + start / CHUNK;
            registerWriters.addStatement("$N(writers)", chunk);
            MethodSpec.Builder method = MethodSpec.methodBuilder(chunk)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(ApiNames.JSON_WRITERS, "writers");
            addRegistrations(method, start, Math.min(start + CHUNK, records.size()));
            chunks.add(method.build());
        }
        return chunks;
    }

    private void addRegistrations(MethodSpec.Builder method, int start, int end) {
        for (int i = start; i < end; i++) {
            method.addStatement("writers.register($T.class, new $T($L))", records.get(i).record(), name, i);
        }
    }

    TypeSpec generate() {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(ApiNames.JSON_WRITER, ClassName.OBJECT))
                .addJavadoc("Writes the records of this compilation as JSON objects, without reflection: one instance per\n"
                        + "record, registered by {@code registerWriters}, writes the components in declaration order.\n")
                .addField(int.class, "record", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(int.class, "record")
                        .addStatement("this.record = record")
                        .build());
        if (records.stream().anyMatch(RecordModel::generic)) {
            // a generic record is written through its raw type: type arguments are erased at run time anyway
            type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "rawtypes")
                    .build());
        }
        MethodSpec.Builder write = MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Object.class, "value")
                .addParameter(ApiNames.JSON_SINK, "sink");
        if (records.size() <= CHUNK) {
            type.addMethod(write.addCode(dispatch(0, records.size())).build());
        } else {
            write.beginControlFlow("switch (record / $L)", CHUNK);
            for (int start = 0; start < records.size(); start += CHUNK) {
                String chunk = "write" + start / CHUNK + "x";
                write.addCode("case $L:\n$>", start / CHUNK).addStatement("$N(record, value, sink)", chunk)
                        .addStatement("return").addCode("$<");
                type.addMethod(MethodSpec.methodBuilder(chunk)
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .addParameter(int.class, "record")
                        .addParameter(Object.class, "value")
                        .addParameter(ApiNames.JSON_SINK, "sink")
                        .addCode(dispatch(start, Math.min(start + CHUNK, records.size())))
                        .build());
            }
            write.addCode("default:\n$>").addStatement("throw new $T($S + record)", IllegalStateException.class,
                    "no record ").addCode("$<").endControlFlow();
            type.addMethod(write.build());
        }
        for (int i = 0; i < records.size(); i++) {
            type.addMethod(writeMethod(i, records.get(i)));
        }
        return type.build();
    }

    /** {@code switch (record)} over records {@code start} to {@code end}, each case calling its record's method. */
    private CodeBlock dispatch(int start, int end) {
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (record)");
        for (int i = start; i < end; i++) {
            code.add("case $L:\n$>", i).addStatement("write$L(($T) value, sink)", i, records.get(i).record())
                    .addStatement("return").add("$<");
        }
        return code.add("default:\n$>")
                .addStatement("throw new $T($S + record)", IllegalStateException.class, "no record ")
                .add("$<").endControlFlow().build();
    }

    private MethodSpec writeMethod(int index, RecordModel record) {
        return MethodSpec.methodBuilder("write" + index)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(record.record(), "value")
                .addParameter(ApiNames.JSON_SINK, "sink")
                .addCode(JsonWriterGenerator.body(record))
                .build();
    }
}

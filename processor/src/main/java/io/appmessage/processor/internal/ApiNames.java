package io.appmessage.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import io.appmessage.Generated;
import io.appmessage.HandlerDescriptor;
import io.appmessage.HandlerInstances;
import io.appmessage.HandlerRegistry;
import io.appmessage.InstanceProvider;
import io.appmessage.JsonSink;
import io.appmessage.JsonWriter;
import io.appmessage.JsonWriters;

/** The API types generated code names, in one place. */
final class ApiNames {

    static final String PROCESSOR = "io.appmessage.processor.AppMessageProcessor";

    static final ClassName HANDLER_REGISTRY = ClassName.get(HandlerRegistry.class);
    static final ClassName HANDLER_DESCRIPTOR = ClassName.get(HandlerDescriptor.class);
    static final ClassName HANDLER_INSTANCES = ClassName.get(HandlerInstances.class);
    static final ClassName INSTANCE_PROVIDER = ClassName.get(InstanceProvider.class);
    static final ClassName JSON_SINK = ClassName.get(JsonSink.class);
    static final ClassName JSON_WRITER = ClassName.get(JsonWriter.class);
    static final ClassName JSON_WRITERS = ClassName.get(JsonWriters.class);

    /** {@code @io.appmessage.Generated("io.appmessage.processor.AppMessageProcessor")}. */
    static final AnnotationSpec GENERATED = AnnotationSpec.builder(ClassName.get(Generated.class))
            .addMember("value", "$S", PROCESSOR)
            .build();

    private ApiNames() {
    }
}

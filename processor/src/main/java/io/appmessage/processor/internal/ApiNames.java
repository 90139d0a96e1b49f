package io.appmessage.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.spi.DispatchedCall;
import io.appmessage.spi.Generated;
import io.appmessage.spi.HandlerDispatch;
import io.appmessage.spi.HandlerSteps;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerInstances;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.spi.HandlerTable;
import io.appmessage.InstanceProvider;
import io.appmessage.spi.JsonSink;
import io.appmessage.spi.JsonWriter;
import io.appmessage.spi.JsonWriters;

/** The API types generated code names, in one place. */
final class ApiNames {

    static final String PROCESSOR = "io.appmessage.processor.AppMessageProcessor";

    /** The generated-code contract version this processor writes: the spi's, fixed when the processor is compiled. */
    static final int CONTRACT_VERSION = HandlerRegistry.CONTRACT_VERSION;

    static final ClassName HANDLER_REGISTRY = ClassName.get(HandlerRegistry.class);
    static final ClassName HANDLER_DESCRIPTOR = ClassName.get(HandlerDescriptor.class);
    static final ClassName HANDLER_KIND = ClassName.get(HandlerDescriptor.Kind.class);
    static final ClassName HANDLER_DISPATCH = ClassName.get(HandlerDispatch.class);
    static final ClassName HANDLER_STEPS = ClassName.get(HandlerSteps.class);
    static final ClassName DISPATCHED_CALL = ClassName.get(DispatchedCall.class);
    static final ClassName APP_MESSAGE = ClassName.get(AppMessage.class);
    static final ClassName APP_MESSAGE_REQUEST = ClassName.get(AppMessageRequest.class);
    static final ClassName HANDLER_TABLE = ClassName.get(HandlerTable.class);
    static final ClassName HANDLER_INSTANCES = ClassName.get(HandlerInstances.class);
    static final ClassName INSTANCE_PROVIDER = ClassName.get(InstanceProvider.class);
    static final ClassName JSON_SINK = ClassName.get(JsonSink.class);
    static final ClassName JSON_WRITER = ClassName.get(JsonWriter.class);
    static final ClassName JSON_WRITERS = ClassName.get(JsonWriters.class);

    /** {@code @io.appmessage.spi.Generated("io.appmessage.processor.AppMessageProcessor")}. */
    static final AnnotationSpec GENERATED = AnnotationSpec.builder(ClassName.get(Generated.class))
            .addMember("value", "$S", PROCESSOR)
            .build();

    private ApiNames() {
    }
}

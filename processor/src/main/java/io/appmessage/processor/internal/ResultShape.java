package io.appmessage.processor.internal;

import io.appmessage.spi.HandlerDescriptor;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What a handler's return type says about how it answers.
 *
 * @param kind     imperative ({@code void}), value, or async ({@code CompletionStage} or a subtype)
 * @param pushed   the type pushed under the key: the return type, or the stage's result type;
 *                 empty when nothing is pushed ({@code void}, {@code CompletionStage<Void>})
 */
public record ResultShape(HandlerDescriptor.Kind kind, Optional<TypeMirror> pushed) {

    private static final String STAGE = "java.util.concurrent.CompletionStage";

    /** The shape of {@code method}'s return type. */
    public static ResultShape of(ExecutableElement method, TypeSupport support) {
        TypeMirror returned = method.getReturnType();
        if (returned.getKind() == TypeKind.VOID) {
            return new ResultShape(HandlerDescriptor.Kind.IMPERATIVE, Optional.empty());
        }
        if (support.isSubtypeOf(returned, STAGE)) {
            // a raw stage or CompletionStage<?> may complete with a value: treat it as one (runtime-checked)
            TypeMirror result = support.firstTypeArgumentAs(returned, STAGE)
                    .orElse(support.elements().getTypeElement("java.lang.Object").asType());
            boolean nothing = support.is(result, "java.lang.Void");
            return new ResultShape(HandlerDescriptor.Kind.ASYNC, nothing ? Optional.empty() : Optional.of(result));
        }
        return new ResultShape(HandlerDescriptor.Kind.VALUE, Optional.of(returned));
    }

    /** Whether the handler pushes a value under its key (value, or async with a result). */
    public boolean pushesValue() {
        return pushed.isPresent();
    }
}

package io.appmessage.processor.internal;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.OnAppMessageRequest;
import io.appmessage.spi.MessageKeys;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Checks the rules one handler method must follow on its own, reporting every
 * broken rule, not just the first. Rules that depend on the other handlers or on the generated
 * class's package are checked by {@link RegistryValidator}.
 */
public final class HandlerValidator {

    static final String ANNOTATION = OnAppMessageRequest.class.getCanonicalName();

    private final TypeSupport support;
    private final Reporter reporter;

    public HandlerValidator(TypeSupport support, Reporter reporter) {
        this.support = support;
        this.reporter = reporter;
    }

    /** True when {@code method} breaks none of the single-method rules. */
    public boolean validate(ExecutableElement method) {
        int before = reporter.errorCount();
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        boolean isStatic = method.getModifiers().contains(Modifier.STATIC);

        if (TypeSupport.isLocalOrAnonymous(owner)) {
            reporter.error(method, Messages.LOCAL_CLASS, "");
        } else if (TypeSupport.isPrivateOrInPrivate(owner)) {
            reporter.error(method, Messages.PRIVATE_CLASS, "Class: " + owner.getQualifiedName() + ".");
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            reporter.error(method, Messages.PRIVATE_METHOD, "");
        }
        if (!method.getTypeParameters().isEmpty()) {
            reporter.error(method, Messages.GENERIC_METHOD, "");
        }
        if (!isStatic) {
            validateInstanceOwner(method, owner);
        }
        validateParameters(method);
        validateKey(method);
        return reporter.errorCount() == before;
    }

    private void validateInstanceOwner(ExecutableElement method, TypeElement owner) {
        boolean concrete = (owner.getKind() == ElementKind.CLASS || owner.getKind() == ElementKind.RECORD)
                && !owner.getModifiers().contains(Modifier.ABSTRACT);
        if (!concrete) { // abstract classes, interfaces, enums (their constants are not ours to create)
            reporter.error(method, Messages.ABSTRACT_INSTANCE, "Declared in " + owner.getKind().toString()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + owner.getQualifiedName() + ".");
            return;
        }
        if (TypeSupport.isInner(owner)) {
            reporter.error(method, Messages.INNER_CLASS, "Class: " + owner.getQualifiedName() + ".");
        }
        noArgConstructor(owner)
                .filter(constructor -> constructor.getModifiers().contains(Modifier.PRIVATE))
                .ifPresent(constructor -> reporter.error(method, Messages.PRIVATE_CONSTRUCTOR,
                        "Class: " + owner.getQualifiedName() + "."));
    }

    private void validateParameters(ExecutableElement method) {
        Set<String> seen = new HashSet<>();
        for (VariableElement parameter : method.getParameters()) {
            String type;
            if (support.is(parameter.asType(), AppMessageRequest.class.getCanonicalName())) {
                type = "AppMessageRequest";
            } else if (support.is(parameter.asType(), AppMessage.class.getCanonicalName())) {
                type = "AppMessage";
            } else {
                reporter.error(parameter, Messages.PARAMETER_TYPE, "Found " + parameter.asType() + ".");
                continue;
            }
            if (!seen.add(type)) {
                reporter.error(parameter, Messages.DUPLICATE_PARAMETER, "Repeated: " + type + ".");
            }
        }
    }

    private void validateKey(ExecutableElement method) {
        AnnotationMirror mirror = Annotations.mirror(method, ANNOTATION).orElse(null);
        Optional<AnnotationValue> value = mirror == null ? Optional.empty()
                : Annotations.explicitValue(mirror, "value");
        String key = method.getAnnotation(OnAppMessageRequest.class).value();
        ResultShape shape = ResultShape.of(method, support);
        if (!key.isEmpty() && key.isBlank()) {
            reporter.error(method, mirror, value.orElse(null), Messages.BLANK_KEY, "");
        } else if (!key.isEmpty() && !MessageKeys.isValid(key)) {
            reporter.error(method, mirror, value.orElse(null), Messages.MALFORMED_KEY, "Found \"" + key + "\".");
        }
        if (shape.pushesValue() && key.isEmpty()) {
            reporter.error(method, Messages.MISSING_KEY, "Returns " + method.getReturnType() + ".");
        } else if (!shape.pushesValue() && !key.isEmpty()) {
            reporter.error(method, mirror, value.orElse(null), Messages.KEY_ON_VOID,
                    "Returns " + method.getReturnType() + ".");
        }
    }

    /** The class's no-arg constructor, if it declares one (or has the implicit default one). */
    static Optional<ExecutableElement> noArgConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(constructor -> constructor.getParameters().isEmpty())
                .findFirst();
    }
}

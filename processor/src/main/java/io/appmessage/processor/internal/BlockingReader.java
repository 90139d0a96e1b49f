package io.appmessage.processor.internal;

import io.appmessage.NonBlocking;
import io.appmessage.OnAppMessageRequest;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads whether a handler may block: the innermost {@code @NonBlocking} around it (its method, its
 * classes from the inside out, its package, then the packages whose names prefix it), blocking when
 * there is none. Also rejects the declarations that make no sense, each on the annotation, with the fix.
 */
public final class BlockingReader {

    private static final String ANNOTATION = NonBlocking.class.getCanonicalName();
    private static final String INTERRUPTED = InterruptedException.class.getCanonicalName();

    private final TypeSupport support;
    private final Reporter reporter;

    public BlockingReader(TypeSupport support, Reporter reporter) {
        this.support = support;
        this.reporter = reporter;
    }

    /** Whether the handler {@code method} may block: true unless declared non-blocking. */
    public boolean blocking(ExecutableElement method) {
        return declared(method).map(NonBlocking::value).map(nonBlocking -> !nonBlocking).orElse(true);
    }

    /** The innermost declaration at or around {@code element}, if any. */
    private Optional<NonBlocking> declared(Element element) {
        for (Element current = element; current != null; current = current.getEnclosingElement()) {
            NonBlocking declaration = current.getAnnotation(NonBlocking.class);
            if (declaration != null) {
                return Optional.of(declaration);
            }
            if (current instanceof PackageElement) {
                break;
            }
        }
        return declaredOnParentPackages(support.packageOf(element));
    }

    private Optional<NonBlocking> declaredOnParentPackages(String packageName) {
        String name = packageName;
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.')) {
            name = name.substring(0, dot);
            PackageElement parent = support.elements().getPackageElement(name);
            NonBlocking declaration = parent == null ? null : parent.getAnnotation(NonBlocking.class);
            if (declaration != null) {
                return Optional.of(declaration);
            }
        }
        return Optional.empty();
    }

    /** The declaration around {@code element}, not counting its own. */
    private Optional<NonBlocking> declaredAround(Element element) {
        Element enclosing = element.getEnclosingElement();
        if (element instanceof PackageElement) {
            return declaredOnParentPackages(((PackageElement) element).getQualifiedName().toString());
        }
        return enclosing == null ? Optional.empty() : declared(enclosing);
    }

    /** Reports a {@code @NonBlocking} on {@code annotated} that makes no sense. */
    public void validate(Element annotated) {
        AnnotationMirror mirror = Annotations.mirror(annotated, ANNOTATION).orElse(null);
        NonBlocking declaration = annotated.getAnnotation(NonBlocking.class);
        if (mirror == null || declaration == null) {
            return;
        }
        if (!declaration.value()) {
            boolean undoesSomething = declaredAround(annotated).map(NonBlocking::value).orElse(false);
            if (!undoesSomething) {
                reporter.error(annotated, mirror, null, Messages.NON_BLOCKING_REDUNDANT, "");
                return;
            }
        }
        if (annotated.getKind() == ElementKind.METHOD
                && annotated.getAnnotation(OnAppMessageRequest.class) == null) {
            reporter.error(annotated, mirror, null, Messages.NON_BLOCKING_NOT_HANDLER, "");
        } else if (annotated instanceof TypeElement type && !declaresHandlers(type)) {
            reporter.error(annotated, mirror, null, Messages.NON_BLOCKING_NO_HANDLERS,
                    "Class: " + type.getQualifiedName() + ".");
        }
    }

    /** Reports a handler declared non-blocking that says it waits ({@code throws InterruptedException}). */
    public void validateHandler(ExecutableElement method) {
        if (blocking(method)) {
            return;
        }
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (support.is(thrown, INTERRUPTED)) {
                reporter.error(method, Messages.NON_BLOCKING_WAITS, "");
                return;
            }
        }
    }

    private static boolean declaresHandlers(TypeElement type) {
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD && member.getAnnotation(OnAppMessageRequest.class) != null) {
                return true;
            }
            if (member instanceof TypeElement nested && declaresHandlers(nested)) {
                return true;
            }
        }
        return false;
    }
}

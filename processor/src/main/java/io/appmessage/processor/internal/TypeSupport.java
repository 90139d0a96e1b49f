package io.appmessage.processor.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Small questions about types and elements that several stages ask. */
public final class TypeSupport {

    private final Elements elements;
    private final Types types;
    /**
     * Erased types by qualified name ({@code Optional.empty()}: not on the classpath). The same few
     * names (CompletionStage, Iterable, Map, ...) are asked for per handler and per type component,
     * and {@code Elements.getTypeElement} searches every module for each call, which slows every build.
     */
    private final Map<String, Optional<TypeMirror>> erasedByName = new HashMap<>();

    public TypeSupport(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    public Elements elements() {
        return elements;
    }

    public Types types() {
        return types;
    }

    /** Whether {@code type} is exactly the class {@code qualifiedName} (ignoring type arguments). */
    public boolean is(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /** Whether {@code type}, erased, is a subtype of the erasure of {@code qualifiedName}. */
    public boolean isSubtypeOf(TypeMirror type, String qualifiedName) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        Optional<TypeMirror> target = erasedByName.computeIfAbsent(qualifiedName,
                name -> Optional.ofNullable(elements.getTypeElement(name)).map(found -> types.erasure(found.asType())));
        return target.isPresent() && types.isSubtype(types.erasure(type), target.get());
    }

    /**
     * The type arguments {@code type} gives to its supertype {@code qualifiedName}:
     * {@code [String]} for {@code ArrayList<String>} and {@code java.lang.Iterable}; empty when raw.
     */
    public List<? extends TypeMirror> typeArgumentsAs(TypeMirror type, String qualifiedName) {
        Deque<TypeMirror> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            TypeMirror next = pending.poll();
            if (is(next, qualifiedName)) {
                return ((DeclaredType) next).getTypeArguments();
            }
            pending.addAll(types.directSupertypes(next));
        }
        return List.of();
    }

    /** The first type argument {@code type} gives {@code qualifiedName}, if any. */
    public Optional<TypeMirror> firstTypeArgumentAs(TypeMirror type, String qualifiedName) {
        List<? extends TypeMirror> arguments = typeArgumentsAs(type, qualifiedName);
        return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments.get(0));
    }

    /** The package's qualified name, {@code ""} for the unnamed package. */
    public String packageOf(Element element) {
        return elements.getPackageOf(element).getQualifiedName().toString();
    }

    /** The class and the classes enclosing it, outermost first. */
    public static List<TypeElement> nestingChain(TypeElement type) {
        Deque<TypeElement> chain = new ArrayDeque<>();
        Element current = type;
        while (current != null && (current.getKind().isClass() || current.getKind().isInterface())) {
            chain.addFirst((TypeElement) current);
            current = current.getEnclosingElement();
        }
        return List.copyOf(chain);
    }

    /** Whether the class, or a class enclosing it, is local or anonymous: generated code cannot name it. */
    public static boolean isLocalOrAnonymous(TypeElement type) {
        Element current = type;
        while (current instanceof TypeElement typeElement) {
            NestingKind nesting = typeElement.getNestingKind();
            if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
                return true;
            }
            current = current.getEnclosingElement();
        }
        return false;
    }

    /** Whether the class, or a class enclosing it, is private. */
    public static boolean isPrivateOrInPrivate(TypeElement type) {
        return nestingChain(type).stream().anyMatch(t -> t.getModifiers().contains(Modifier.PRIVATE));
    }

    /** Whether code in package {@code from} may name {@code type} (and each class enclosing it). */
    public boolean isAccessibleFrom(TypeElement type, String from) {
        for (TypeElement link : nestingChain(type)) {
            if (!isAccessibleFrom(link, link, from)) {
                return false;
            }
        }
        return true;
    }

    /** Whether code in package {@code from}, in no subclass, may use {@code member}. */
    public boolean isAccessibleFrom(Element member, Element inPackageOf, String from) {
        if (member.getModifiers().contains(Modifier.PUBLIC)) {
            return true;
        }
        return !member.getModifiers().contains(Modifier.PRIVATE) && packageOf(inPackageOf).equals(from);
    }

    /** Whether a nested class needs an enclosing instance. */
    public static boolean isInner(TypeElement type) {
        return type.getNestingKind() == NestingKind.MEMBER
                && type.getKind() == ElementKind.CLASS
                && !type.getModifiers().contains(Modifier.STATIC)
                && type.getEnclosingElement().getKind() != ElementKind.INTERFACE
                && type.getEnclosingElement().getKind() != ElementKind.ANNOTATION_TYPE;
    }
}

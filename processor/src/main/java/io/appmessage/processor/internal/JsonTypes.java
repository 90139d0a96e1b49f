package io.appmessage.processor.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Decides at compile time whether a declared type can be pushed as JSON, and collects the records
 * it reaches (they get generated writers). Mirrors what the runtime's JSON writer accepts
 * ({@link io.appmessage.AppMessage#push}): strings, numbers, booleans, characters, enums (by name),
 * records, {@code Optional}, iterables, arrays, maps with string, enum or integral keys, and {@code Object} or
 * type variables, which only the runtime can check.
 */
public final class JsonTypes {

    private static final Set<String> ALWAYS_WRITABLE = Set.of(
            "java.lang.String", "java.lang.CharSequence", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Object");

    /**
     * Distinct record types one result may expand to. Bounds records whose components instantiate
     * themselves with ever larger arguments ({@code record R<T>(R<List<T>> next)}), which would
     * otherwise never stop; real results stay far below it.
     */
    private static final int MAX_TYPES_PER_RESULT = 256;

    /** Map key types written by their text; enums are accepted besides (see {@link #isStringLikeKey}). */
    private static final Set<String> KEY_TYPES = Set.of(
            "java.lang.String", "java.lang.CharSequence", "java.lang.Object",
            "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long");

    private final TypeSupport support;

    public JsonTypes(TypeSupport support) {
        this.support = support;
    }

    /**
     * Why {@code type} cannot be written as JSON, or empty when it can. Every record reached is
     * added to {@code records} (by qualified name, so iteration order is deterministic).
     *
     * @param path how to name the type in the message, such as {@code OrderStatus.placedAt}
     */
    public Optional<String> problem(TypeMirror type, String path, SortedMap<String, TypeElement> records) {
        return check(type, path, records, new HashSet<>());
    }

    private Optional<String> check(TypeMirror type, String path, SortedMap<String, TypeElement> records,
                                   Set<String> visiting) {
        switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, TYPEVAR, ERROR, NULL:
                return Optional.empty();
            case ARRAY:
                return check(((ArrayType) type).getComponentType(), path + "[]", records, visiting);
            case WILDCARD:
                TypeMirror bound = ((WildcardType) type).getExtendsBound();
                return bound == null ? Optional.empty() : check(bound, path, records, visiting);
            case DECLARED:
                return checkDeclared((DeclaredType) type, path, records, visiting);
            default:
                return Optional.of(path + " has type " + type + ", which has no JSON form.");
        }
    }

    private Optional<String> checkDeclared(DeclaredType type, String path, SortedMap<String, TypeElement> records,
                                           Set<String> visiting) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        if (ALWAYS_WRITABLE.contains(name) || support.isSubtypeOf(type, "java.lang.Number")
                || element.getKind() == ElementKind.ENUM) {
            return Optional.empty();
        }
        if (element.getKind() == ElementKind.RECORD) {
            return checkRecord(type, path, records, visiting);
        }
        if (support.is(type, "java.util.Optional")) {
            return checkArguments(type.getTypeArguments(), path + "<>", records, visiting);
        }
        if (support.isSubtypeOf(type, "java.util.Map")) {
            List<? extends TypeMirror> arguments = support.typeArgumentsAs(type, "java.util.Map");
            if (arguments.size() == 2 && !isStringLikeKey(arguments.get(0))) {
                return Optional.of(path + " is a map with " + arguments.get(0) + " keys, but JSON object names"
                        + " are strings: use String, enum or Integer/Long keys.");
            }
            return arguments.size() == 2 ? check(arguments.get(1), path + "<>", records, visiting) : Optional.empty();
        }
        if (support.isSubtypeOf(type, "java.lang.Iterable")) {
            return checkArguments(support.typeArgumentsAs(type, "java.lang.Iterable"), path + "<>", records, visiting);
        }
        String hint = "";
        if (name.startsWith("java.time.")) {
            hint = " Convert it to a String (ISO-8601, as Instant.toString() gives) or to a record of numbers.";
        } else if (support.isSubtypeOf(type, "java.util.concurrent.CompletionStage")
                || support.isSubtypeOf(type, "java.util.concurrent.Future")) {
            hint = " A stage nested in a result is never awaited: return CompletionStage<T> itself.";
        }
        return Optional.of(path + " has type " + type + ", which is not a record, string, number, boolean,"
                + " enum, Optional, collection, array or map." + hint);
    }

    /**
     * Checks each component as a member of {@code type}: for {@code Pair<Integer, Map<String, Opt>>}
     * the components are {@code Integer} and {@code Map<String, Opt>}, not the type variables
     * {@code A} and {@code B}, so records reached only through type arguments get writers and
     * unwritable arguments ({@code Box<Instant>}) are reported.
     */
    private Optional<String> checkRecord(DeclaredType type, String path, SortedMap<String, TypeElement> records,
                                         Set<String> visiting) {
        TypeElement record = (TypeElement) type.asElement();
        // keyed by the parameterized type: Pair<String, Opt> inside Pair<Integer, ...> is checked too,
        // while a recursive record (a tree of nodes) stops at its second visit
        if (!visiting.add(type.toString()) || visiting.size() > MAX_TYPES_PER_RESULT) {
            return Optional.empty();
        }
        records.put(record.getQualifiedName().toString(), record);
        for (RecordComponentElement component : record.getRecordComponents()) {
            Optional<String> problem = check(memberType(type, component),
                    record.getSimpleName() + "." + component.getSimpleName(), records, visiting);
            if (problem.isPresent()) {
                return Optional.of(path + " contains " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** The component's type with {@code type}'s arguments substituted; the declared type for a raw record. */
    private TypeMirror memberType(DeclaredType type, RecordComponentElement component) {
        if (type.getTypeArguments().isEmpty()) {
            return component.asType();
        }
        try {
            return support.types().asMemberOf(type, component);
        } catch (IllegalArgumentException e) {
            return component.asType(); // not a member as javac sees it: fall back to the declared type
        }
    }

    private Optional<String> checkArguments(List<? extends TypeMirror> arguments, String path,
                                            SortedMap<String, TypeElement> records, Set<String> visiting) {
        for (TypeMirror argument : arguments) {
            Optional<String> problem = check(argument, path, records, visiting);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /**
     * The map-key rule (module README, "Pushable types"): JSON object names are strings, and the
     * runtime writes a key as {@code String.valueOf(key)}. Keys whose text is unambiguous are
     * accepted: strings, enums (their name), boxed integral numbers ({@code 7} → {@code "7"}), and
     * {@code Object}, {@code ?} or a type variable, which only the runtime sees. Floating-point,
     * boolean, character and record keys are refused: their text is lossy or not a useful name.
     */
    private boolean isStringLikeKey(TypeMirror key) {
        if (key.getKind() == TypeKind.TYPEVAR || key.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (key.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((WildcardType) key).getExtendsBound();
            return bound == null || isStringLikeKey(bound);
        }
        if (key.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) ((DeclaredType) key).asElement();
        return KEY_TYPES.contains(element.getQualifiedName().toString()) || element.getKind() == ElementKind.ENUM;
    }
}

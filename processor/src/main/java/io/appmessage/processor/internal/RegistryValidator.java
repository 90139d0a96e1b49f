package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks the rules that need the whole compilation, each a compile error on the element: that the generated class's
 * package can reach every handler, that no constant key is returned by two handlers, and that
 * every pushed type has a JSON form; collects the records that need writers.
 */
public final class RegistryValidator {

    private final TypeSupport support;
    private final JsonTypes jsonTypes;
    private final Reporter reporter;

    public RegistryValidator(TypeSupport support, JsonTypes jsonTypes, Reporter reporter) {
        this.support = support;
        this.jsonTypes = jsonTypes;
        this.reporter = reporter;
    }

    /** Reports handlers that code in {@code targetPackage} cannot call. */
    public void checkAccess(List<HandlerReader.ReadHandler> handlers, String targetPackage) {
        for (HandlerReader.ReadHandler handler : handlers) {
            ExecutableElement method = handler.method();
            TypeElement owner = handler.owner();
            if (!support.isAccessibleFrom(owner, targetPackage)) {
                reporter.error(method, Messages.INACCESSIBLE_CLASS, "Class: " + owner.getQualifiedName()
                        + "; HandlerRegister package: " + describe(targetPackage) + ".");
                continue;
            }
            if (!support.isAccessibleFrom(method, owner, targetPackage)) {
                reporter.error(method, Messages.INACCESSIBLE_METHOD,
                        "HandlerRegister package: " + describe(targetPackage) + ".");
            }
            if (!handler.model().isStatic()) {
                HandlerValidator.noArgConstructor(owner)
                        .filter(constructor -> !constructor.getModifiers().contains(Modifier.PRIVATE))
                        .filter(constructor -> !support.isAccessibleFrom(constructor, owner, targetPackage))
                        .ifPresent(constructor -> reporter.error(method, Messages.INACCESSIBLE_CONSTRUCTOR,
                                "Class: " + owner.getQualifiedName() + "; HandlerRegister package: "
                                        + describe(targetPackage) + "."));
            }
        }
    }

    /**
     * Reports a type that already holds the register's name (a user's class called
     * {@code HandlerRegister}, or the {@code -Aappmessage.class} value): on that class when it is
     * compiled now, else on {@code fallback}. The register an earlier build wrote is no clash.
     */
    public void checkRegisterNameFree(ClassName register, Predicate<TypeElement> fromSource, Element fallback) {
        // asked of the compilation's module: a name missing everywhere, as it usually is, is otherwise looked up in every module
        ModuleElement module = support.elements().getModuleOf(fallback);
        TypeElement existing = module == null ? support.elements().getTypeElement(register.canonicalName())
                : support.elements().getTypeElement(module, register.canonicalName());
        if (existing == null || OwnOutput.isWrittenByUs(existing)) {
            return;
        }
        reporter.error(fromSource.test(existing) ? existing : fallback, Messages.REGISTER_NAME_TAKEN,
                "Register: " + register.canonicalName() + ".");
    }

    /**
     * Reports handler methods that overload one another: they would share the id
     * {@code Class#method}. Reported on each overload after the first in source order, naming both.
     */
    public void checkOverloads(List<ExecutableElement> methods) {
        SortedMap<String, List<ExecutableElement>> byId = new TreeMap<>();
        for (ExecutableElement method : methods) {
            TypeElement owner = (TypeElement) method.getEnclosingElement();
            byId.computeIfAbsent(owner.getQualifiedName() + "#" + method.getSimpleName(), id -> new ArrayList<>())
                    .add(method);
        }
        for (Map.Entry<String, List<ExecutableElement>> entry : byId.entrySet()) {
            List<ExecutableElement> overloads = new ArrayList<>(entry.getValue());
            if (overloads.size() < 2) {
                continue;
            }
            List<? extends Element> members = overloads.get(0).getEnclosingElement().getEnclosedElements();
            overloads.sort(java.util.Comparator.comparingInt(members::indexOf));
            ExecutableElement first = overloads.get(0);
            for (ExecutableElement later : overloads.subList(1, overloads.size())) {
                reporter.error(later, Messages.OVERLOADED_HANDLER, first + " and " + later
                        + " would both have the id " + entry.getKey() + ".");
            }
        }
    }

    /** Reports a constant key returned by two handlers, on both, each naming the other. */
    public void checkDuplicateKeys(List<HandlerReader.ReadHandler> handlers) {
        SortedMap<String, List<HandlerReader.ReadHandler>> byKey = new TreeMap<>();
        for (HandlerReader.ReadHandler handler : handlers) {
            if (handler.shape().pushesValue()) {
                byKey.computeIfAbsent(handler.model().key(), key -> new ArrayList<>()).add(handler);
            }
        }
        for (Map.Entry<String, List<HandlerReader.ReadHandler>> entry : byKey.entrySet()) {
            List<HandlerReader.ReadHandler> sharing = entry.getValue();
            if (sharing.size() < 2) {
                continue;
            }
            for (HandlerReader.ReadHandler handler : sharing) {
                List<String> others = sharing.stream().filter(other -> other != handler)
                        .map(other -> other.model().id()).toList();
                reporter.error(handler.method(), Messages.DUPLICATE_KEY,
                        "Key \"" + entry.getKey() + "\" is also returned by " + String.join(", ", others) + ".");
            }
        }
    }

    /** Reports pushed types with no JSON form; adds the records they reach to {@code records}. */
    public void checkResultTypes(List<HandlerReader.ReadHandler> handlers, SortedMap<String, TypeElement> records) {
        for (HandlerReader.ReadHandler handler : handlers) {
            handler.shape().pushed().ifPresent(type -> {
                SortedMap<String, TypeElement> reached = new TreeMap<>();
                Optional<String> problem = jsonTypes.problem(type, "The result " + type, reached);
                if (problem.isPresent()) {
                    reporter.error(handler.method(), Messages.UNWRITABLE_TYPE, problem.get());
                    return;
                }
                checkRecordsReachable(handler.method(), reached);
                records.putAll(reached);
            });
        }
    }

    /** Reports an {@code @AppMessageData} type that is no record, or a component with no JSON form. */
    public void checkDataType(TypeElement type, SortedMap<String, TypeElement> records) {
        if (type.getKind() != javax.lang.model.element.ElementKind.RECORD) {
            reporter.error(type, Messages.DATA_NOT_RECORD, "Found " + type.getKind().toString()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + type.getQualifiedName() + ".");
            return;
        }
        int before = reporter.errorCount();
        SortedMap<String, TypeElement> reached = new TreeMap<>();
        reached.put(type.getQualifiedName().toString(), type);
        for (RecordComponentElement component : type.getRecordComponents()) {
            jsonTypes.problem(component.asType(), type.getSimpleName() + "." + component.getSimpleName(), reached)
                    .ifPresent(problem -> reporter.error(positionOf(component, type), Messages.UNWRITABLE_COMPONENT,
                            problem));
        }
        if (reporter.errorCount() == before) {
            checkRecordsReachable(type, reached);
            records.putAll(reached);
        }
    }

    /**
     * The component's field: javac maps neither the component element nor its implicit accessor
     * back to a source line, but the field it declares sits on the component's line.
     */
    private static Element positionOf(RecordComponentElement component, TypeElement record) {
        return javax.lang.model.util.ElementFilter.fieldsIn(record.getEnclosedElements()).stream()
                .filter(field -> field.getSimpleName().contentEquals(component.getSimpleName()))
                .findFirst()
                .<Element>map(field -> field)
                .orElse(record);
    }

    private void checkRecordsReachable(Element reportOn, SortedMap<String, TypeElement> reached) {
        for (TypeElement record : reached.values()) {
            if (TypeSupport.isLocalOrAnonymous(record) || TypeSupport.isPrivateOrInPrivate(record)) {
                reporter.error(reportOn, Messages.PRIVATE_RECORD, "Record: " + record.getQualifiedName() + ".");
            }
        }
    }

    private static String describe(String packageName) {
        return packageName.isEmpty() ? "the unnamed package" : packageName;
    }
}

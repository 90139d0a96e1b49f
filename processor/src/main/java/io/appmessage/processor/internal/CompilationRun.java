package io.appmessage.processor.internal;

import com.palantir.javapoet.ClassName;
import io.appmessage.AppMessageData;
import io.appmessage.AppMessagePlugin;
import io.appmessage.NonBlocking;
import io.appmessage.OnAppMessageRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * One compilation's processing, round by round: read → validate → write.
 *
 * <p>Rounds: everything is collected and written in the first round that has
 * handlers or {@code @AppMessageData} records, so the generated sources are still compiled in a
 * later round (a file created in the final round draws a javac warning). Handlers that another
 * processor generates after that round are reported ({@link Messages#LATE_ROUND}) rather than
 * silently dropped. The services file is written when processing is over, merged with any
 * existing one.
 */
public final class CompilationRun {

    private enum State { WAITING, WRITTEN, FAILED }

    private final Reporter reporter;
    private final Options options;
    private final TypeSupport support;
    private final PluginReader plugins;
    private final BlockingReader blocking;
    private final HandlerValidator handlerValidator;
    private final HandlerReader handlerReader;
    private final RegistryValidator registryValidator;
    private final PackageChooser packageChooser;
    private final RecordReader recordReader;
    private final SourceWriter sourceWriter;
    private final ServicesFile servicesFile;
    private final LocalClassScanner localClasses;
    /** Qualified names of the top-level types compiled from source, across rounds. */
    private final Set<String> sourceTypes = new HashSet<>();

    private State state = State.WAITING;
    private String registryName;
    private List<Element> registryOrigins = List.of();

    public CompilationRun(ProcessingEnvironment environment, Reporter reporter) {
        this.reporter = reporter;
        this.options = Options.read(environment.getOptions(), reporter);
        this.support = new TypeSupport(environment.getElementUtils(), environment.getTypeUtils());
        this.plugins = new PluginReader(support, reporter);
        this.handlerValidator = new HandlerValidator(support, reporter);
        this.blocking = new BlockingReader(support, reporter);
        this.handlerReader = new HandlerReader(support, plugins, blocking);
        this.registryValidator = new RegistryValidator(support, new JsonTypes(support), reporter);
        this.packageChooser = new PackageChooser(support, reporter);
        this.recordReader = new RecordReader(support);
        this.sourceWriter = new SourceWriter(environment.getFiler(), environment.getElementUtils());
        this.servicesFile = new ServicesFile(environment.getFiler(), environment.getElementUtils());
        this.localClasses = LocalClassScanner.create(environment, reporter);
    }

    /** Processes one round. */
    public void round(RoundEnvironment round) {
        if (round.processingOver()) {
            if (state == State.WRITTEN) {
                servicesFile.write(registryName, registryOrigins);
            }
            return;
        }
        ElementFilter.typesIn(round.getRootElements())
                .forEach(type -> sourceTypes.add(type.getQualifiedName().toString()));
        if (localClasses != null) {
            sorted(ElementFilter.typesIn(round.getRootElements())).forEach(localClasses::scan);
        }
        sorted(round.getElementsAnnotatedWith(AppMessagePlugin.class)).forEach(plugins::validate);
        sorted(round.getElementsAnnotatedWith(NonBlocking.class)).forEach(blocking::validate);
        List<ExecutableElement> methods = sorted(ElementFilter.methodsIn(
                round.getElementsAnnotatedWith(OnAppMessageRequest.class)));
        List<TypeElement> dataTypes = sorted(ElementFilter.typesIn(
                round.getElementsAnnotatedWith(AppMessageData.class)));
        if (state == State.WRITTEN) {
            methods.forEach(method -> reporter.error(method, Messages.LATE_ROUND, ""));
            dataTypes.forEach(type -> reporter.error(type, Messages.LATE_ROUND, ""));
            return;
        }
        if (state == State.FAILED || (methods.isEmpty() && dataTypes.isEmpty())) {
            return;
        }
        state = processFirstRound(methods, dataTypes) ? State.WRITTEN : State.FAILED;
    }

    private boolean processFirstRound(List<ExecutableElement> methods, List<TypeElement> dataTypes) {
        List<HandlerReader.ReadHandler> handlers = new ArrayList<>();
        for (ExecutableElement method : methods) {
            if (handlerValidator.validate(method)) {
                handlers.add(handlerReader.read(method));
            }
            blocking.validateHandler(method);
        }
        registryValidator.checkOverloads(methods);
        SortedMap<String, TypeElement> records = new TreeMap<>();
        dataTypes.forEach(type -> registryValidator.checkDataType(type, records));

        SortedSet<String> pluginPackages = new TreeSet<>();
        handlers.forEach(handler -> handler.plugin().ifPresent(plugin -> pluginPackages.add(plugins.packageOf(plugin))));
        Set<Element> contributors = new LinkedHashSet<>();
        methods.forEach(method -> contributors.add(method.getEnclosingElement()));
        contributors.addAll(dataTypes);
        Optional<String> packageName = packageChooser.choose(pluginPackages, options.packageName(),
                sorted(contributors));
        packageName.ifPresent(name -> registryValidator.checkAccess(handlers, name));
        Optional<ClassName> registerName = packageName.map(name -> ClassName.get(name, options.className()));
        registerName.ifPresent(name -> registryValidator.checkRegisterNameFree(name, this::isFromSource,
                sorted(contributors).get(0)));
        registryValidator.checkDuplicateKeys(handlers);
        registryValidator.checkResultTypes(handlers, records);
        if (reporter.errorCount() > 0 || registerName.isEmpty()) {
            return false; // generating from an invalid model would only add follow-up errors
        }

        ClassName name = registerName.get();
        List<RecordModel> nestedRecords = new ArrayList<>();
        List<ClassName> writerClasses = new ArrayList<>();
        for (TypeElement record : records.values()) {
            RecordModel model = recordReader.read(record);
            if (support.isAccessibleFrom(record, name.packageName())) {
                nestedRecords.add(model); // written by the register itself: no file of its own
                continue;
            }
            writerClasses.add(model.writer());
            if (isFromSource(record) || support.elements().getTypeElement(model.writer().canonicalName()) == null) {
                sourceWriter.write(model.record().packageName(), new JsonWriterGenerator().generate(model, record));
            }
        }
        RegistryModel registry = new RegistryModel(name,
                handlers.stream().map(HandlerReader.ReadHandler::model).toList(), nestedRecords, writerClasses);
        Set<Element> origins = new LinkedHashSet<>(contributors);
        origins.addAll(records.values());
        handlers.forEach(handler -> handler.plugin().ifPresent(plugin -> origins.add(plugin.carrier())));
        registryOrigins = List.copyOf(origins);
        sourceWriter.write(name.packageName(), new RegisterGenerator().generate(registry, registryOrigins));
        registryName = name.reflectionName();
        if (options.verbose()) {
            reporter.note("[AppMessage] wrote " + registryName + ": " + registry.handlers().size() + " handlers, "
                    + (nestedRecords.size() + writerClasses.size()) + " JSON writers "
                    + nestedRecords.stream().map(RecordModel::record).toList() + " " + writerClasses);
        }
        return true;
    }

    /** Whether the record's top-level class is compiled from source now (not read from a library jar). */
    private boolean isFromSource(TypeElement record) {
        List<TypeElement> chain = TypeSupport.nestingChain(record);
        return sourceTypes.contains(chain.get(0).getQualifiedName().toString());
    }

    /** Elements in a stable order (kind, then name, then position in their class), whatever order javac gave. */
    private static <E extends Element> List<E> sorted(java.util.Collection<E> elements) {
        Map<String, List<E>> byKey = new TreeMap<>();
        for (E element : elements) {
            byKey.computeIfAbsent(sortKey(element), key -> new ArrayList<>()).add(element);
        }
        List<E> sorted = new ArrayList<>();
        byKey.values().forEach(sorted::addAll);
        return sorted;
    }

    private static String sortKey(Element element) {
        Element enclosing = element.getEnclosingElement();
        String owner = enclosing instanceof TypeElement type ? type.getQualifiedName().toString()
                : element instanceof TypeElement type ? type.getQualifiedName().toString()
                : String.valueOf(element);
        return owner + "#" + element.getSimpleName() + "#" + element.asType();
    }
}

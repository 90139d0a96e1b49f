package io.appmessage.processor;

import com.google.auto.service.AutoService;
import io.appmessage.OnAppMessageRequest;
import io.appmessage.processor.internal.CompilationRun;
import io.appmessage.processor.internal.Options;
import io.appmessage.processor.internal.Reporter;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Writes, at compile time, the {@code HandlerRegister} that lists every
 * {@link OnAppMessageRequest @OnAppMessageRequest} method of a compilation, the JSON writers of the
 * records those handlers push, and the {@code META-INF/services} entry that lets the runtime find
 * the register with {@link java.util.ServiceLoader}. Misuse is reported as compile errors on the
 * offending element.
 *
 * <p>Put it on the annotation processor path, not the runtime classpath:
 *
 * <pre>{@code
 * <annotationProcessorPaths>
 *   <path>
 *     <groupId>io.appmessage</groupId>
 *     <artifactId>appmessage-processor</artifactId>
 *     <version>${appmessage.version}</version>
 *   </path>
 * </annotationProcessorPaths>
 * }</pre>
 *
 * <p>Options: {@code -Aappmessage.package}, {@code -Aappmessage.class}, {@code -Aappmessage.verbose}
 * (see the module README).
 */
@AutoService(Processor.class)
public final class AppMessageProcessor extends AbstractProcessor {

    private Reporter reporter;
    private CompilationRun run;

    /** Called by javac through {@link java.util.ServiceLoader}. */
    public AppMessageProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        reporter = new Reporter(environment.getMessager());
        try {
            run = new CompilationRun(environment, reporter);
        } catch (RuntimeException | Error e) {
            reporter.internalError(e);
        }
    }

    /**
     * All types ({@code "*"}), so the processor also runs on sources whose only handlers sit in
     * local or anonymous classes: javac hides those from annotation discovery, and a handler
     * there must be a compile error, never a silently missing handler. Nothing is claimed.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Options.ALL;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Processes a round. Never throws and never claims the annotations: an exception escaping a
     * processor aborts javac with a stack trace and hides the user's own errors (google/auto
     * {@code AutoServiceProcessor} makes the same choice), so it becomes an error diagnostic instead.
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (run == null) {
            return false;
        }
        try {
            run.round(round);
        } catch (RuntimeException | Error e) {
            reporter.internalError(e);
        }
        return false;
    }
}

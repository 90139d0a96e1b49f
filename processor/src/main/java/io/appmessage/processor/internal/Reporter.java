package io.appmessage.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one place diagnostics leave the processor: always on an element, plus the annotation (and
 * its value) when that is what is wrong, so IDEs and javac point at the exact spot. Counts errors
 * so that nothing is generated from an invalid model (avoids follow-up errors in generated code).
 */
public final class Reporter {

    private final Messager messager;
    private int errors;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /** An error on {@code element}: {@code rule} (a {@link Messages} constant) followed by {@code detail}. */
    public void error(Element element, String rule, String detail) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, compose(rule, detail), element);
    }

    /** An error on an annotation of {@code element}, or on one of its values when {@code value} is not null. */
    public void error(Element element, AnnotationMirror annotation, AnnotationValue value, String rule, String detail) {
        errors++;
        if (annotation == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, compose(rule, detail), element);
        } else if (value == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, compose(rule, detail), element, annotation);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, compose(rule, detail), element, annotation, value);
        }
    }

    /** An error on a source tree that has no element (a method of a local or anonymous class). */
    public void error(Trees trees, Tree tree, CompilationUnitTree unit, String rule, String detail) {
        errors++;
        trees.printMessage(Diagnostic.Kind.ERROR, compose(rule, detail), tree, unit);
    }

    /** An error about the build itself (an option), where no source element is at fault. */
    public void error(String rule, String detail) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, compose(rule, detail));
    }

    /** Reports an exception that escaped the processor, with its stack trace, as an error. */
    public void internalError(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        error(Messages.INTERNAL_ERROR, trace.toString());
    }

    /** An informational note, shown with {@code -Aappmessage.verbose=true}. */
    public void note(String message) {
        messager.printMessage(Diagnostic.Kind.NOTE, message);
    }

    /** Errors reported so far in this compilation. */
    public int errorCount() {
        return errors;
    }

    private static String compose(String rule, String detail) {
        return detail == null || detail.isEmpty() ? rule : rule + " " + detail;
    }
}

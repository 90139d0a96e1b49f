package io.appmessage.processor.internal;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.appmessage.OnAppMessageRequest;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Finds {@code @OnAppMessageRequest} on methods of local and anonymous classes. Those classes are
 * not part of the element model a processor sees ({@code RoundEnvironment} never returns their
 * members), so without this scan such handlers would be silently ignored; a handler there must be
 * a compile error. Uses javac's tree API when it is available (javac, compile-testing); with another
 * compiler, or a wrapped processing environment, the scan is skipped.
 */
public final class LocalClassScanner {

    private static final String SIMPLE = OnAppMessageRequest.class.getSimpleName();
    private static final String QUALIFIED = OnAppMessageRequest.class.getCanonicalName();

    private final Trees trees;
    private final Reporter reporter;

    private LocalClassScanner(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    /** A scanner, or null when the compiler offers no tree API. */
    public static LocalClassScanner create(ProcessingEnvironment environment, Reporter reporter) {
        try {
            return new LocalClassScanner(Trees.instance(environment), reporter);
        } catch (IllegalArgumentException | LinkageError e) {
            return null;
        }
    }

    /** Reports every handler declared in a local or anonymous class within {@code root}. */
    public void scan(Element root) {
        TreePath path = trees.getPath(root);
        if (path == null) {
            return;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        boolean imported = unit.getImports().stream().map(ImportTree::getQualifiedIdentifier).map(Object::toString)
                .anyMatch(name -> name.equals(QUALIFIED) || name.equals("io.appmessage.*"));
        new TreePathScanner<Void, Integer>() {
            @Override
            public Void visitClass(ClassTree tree, Integer depthInCode) {
                // a class met inside a method body (or an anonymous class body) is local
                return super.visitClass(tree, depthInCode);
            }

            @Override
            public Void visitMethod(MethodTree tree, Integer depthInCode) {
                if (depthInCode > 0 && isHandler(tree, imported)) {
                    reporter.error(trees, new TreePath(getCurrentPath(), tree).getLeaf(), unit,
                            Messages.LOCAL_CLASS, "");
                }
                // everything below a method's body is code: classes there are local or anonymous
                scan(tree.getModifiers(), depthInCode);
                return scan(tree.getBody(), depthInCode + 1);
            }

            @Override
            public Void visitNewClass(NewClassTree tree, Integer depthInCode) {
                return super.visitNewClass(tree, depthInCode + 1);
            }
        }.scan(path, 0);
    }

    private static boolean isHandler(MethodTree method, boolean imported) {
        for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
            String name = annotation.getAnnotationType().toString();
            if (name.equals(QUALIFIED) || (imported && name.equals(SIMPLE))) {
                return true;
            }
        }
        return false;
    }
}

package io.appmessage.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.appmessage.processor.support.Compilations.compile;
import static io.appmessage.processor.support.Compilations.fixture;
import static io.appmessage.processor.support.Compilations.fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.appmessage.processor.internal.Messages;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 2, item 6: every misuse is a compile error on the element, naming the rule and the fix.
 * One test per rule, pinning the message constant and the line; the fixtures are named after the
 * rule ({@code src/test/resources/fixtures/errors}).
 */
class CompileErrorsTest {

    private static Compilation failing(JavaFileObject... sources) {
        Compilation compilation = compile(List.of(sources));
        assertThat(compilation).failed();
        return compilation;
    }

    private static void assertSingleError(String fixture, String message, String line) {
        JavaFileObject source = fixture("errors/" + fixture);
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    }

    @Test
    void privateMethod_isAnErrorOnTheMethod() {
        assertSingleError("PrivateMethod.java", Messages.PRIVATE_METHOD, "private static void hidden(");
    }

    @Test
    void methodInPrivateNestedClass_isAnError() {
        assertSingleError("PrivateClass.java", Messages.PRIVATE_CLASS, "static void run(");
    }

    @Test
    void instanceMethodOfInnerClass_isAnError() {
        assertSingleError("InnerClass.java", Messages.INNER_CLASS, "void run(");
    }

    @Test
    void methodsOfLocalAndAnonymousClasses_areErrors() {
        JavaFileObject source = fixture("errors/LocalClass.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Messages.LOCAL_CLASS).inFile(source).onLineContaining("void inLocal(");
        assertThat(compilation).hadErrorContaining(Messages.LOCAL_CLASS).inFile(source)
                .onLineContaining("void inAnonymous(");
    }

    @Test
    void instanceMethodsOfAbstractClassAndInterface_areErrors_staticInterfaceMethodIsNot() {
        JavaFileObject source = fixture("errors/AbstractInstance.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Messages.ABSTRACT_INSTANCE).inFile(source)
                .onLineContaining("void inAbstract(");
        assertThat(compilation).hadErrorContaining(Messages.ABSTRACT_INSTANCE).inFile(source)
                .onLineContaining("default void inInterface(");
    }

    @Test
    void privateNoArgConstructorOfInstanceHandler_isAnError() {
        assertSingleError("PrivateConstructor.java", Messages.PRIVATE_CONSTRUCTOR, "void run(");
    }

    @Test
    void parameterOfAnotherType_isAnErrorOnTheParameter() {
        assertSingleError("ParameterType.java", Messages.PARAMETER_TYPE, "String userId");
    }

    @Test
    void sameParameterTypeTwice_isAnErrorOnTheSecond() {
        assertSingleError("DuplicateParameter.java", Messages.DUPLICATE_PARAMETER, "AppMessage again");
    }

    @Test
    void valueOrStageOfValueWithoutKey_isAnError() {
        JavaFileObject source = fixture("errors/MissingKey.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Messages.MISSING_KEY).inFile(source)
                .onLineContaining("static String value(");
        assertThat(compilation).hadErrorContaining(Messages.MISSING_KEY).inFile(source)
                .onLineContaining("CompletionStage<String> later(");
    }

    @Test
    void keyOnVoidOrStageOfVoid_isAnErrorOnTheKey() {
        JavaFileObject source = fixture("errors/KeyOnVoid.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Messages.KEY_ON_VOID).inFile(source)
                .onLineContaining("\"test_msg\"");
        assertThat(compilation).hadErrorContaining(Messages.KEY_ON_VOID).inFile(source)
                .onLineContaining("\"later_msg\"");
    }

    @Test
    void genericMethod_isAnError() {
        assertSingleError("GenericMethod.java", Messages.GENERIC_METHOD, "static <T> T item(");
    }

    @Test
    void blankKey_isAnErrorOnTheKey() {
        assertSingleError("BlankKey.java", Messages.BLANK_KEY, "value = \"   \"");
    }

    @Test
    void malformedOrTooLongKey_isAnErrorOnTheKey_64CharactersAreFine() {
        JavaFileObject source = fixture("errors/MalformedKey.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Messages.MALFORMED_KEY + " Found \"order status!\"")
                .inFile(source).onLineContaining("order status!");
        assertThat(compilation).hadErrorContaining(Messages.MALFORMED_KEY).inFile(source)
                .onLineContaining("k2345678901234567890123456789012345678901234567890123456789012345\"");
    }

    @Test
    void sameKeyReturnedByTwoHandlers_isAnErrorOnBoth_namingTheOther() {
        JavaFileObject source = fixture("errors/DuplicateKey.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Messages.DUPLICATE_KEY + " Key \"status\" is also returned by"
                + " errors.DuplicateKey#second").inFile(source).onLineContaining("static String first(");
        assertThat(compilation).hadErrorContaining(Messages.DUPLICATE_KEY + " Key \"status\" is also returned by"
                + " errors.DuplicateKey#first").inFile(source).onLineContaining("CompletionStage<String> second(");
    }

    @Test
    void overloadedHandlers_areAnErrorOnTheSecond_namingBoth() {
        JavaFileObject source = fixture("errors/Overloaded.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Messages.OVERLOADED_HANDLER + " a(io.appmessage.AppMessage) and"
                + " a(io.appmessage.AppMessageRequest) would both have the id errors.Overloaded#a.")
                .inFile(source).onLineContaining("static void a(AppMessageRequest request)");
    }

    @Test
    void nonBlockingDeclarationsThatMakeNoSense_areErrorsOnTheAnnotationOrHandler() {
        JavaFileObject source = fixture("errors/nonblocking/NonBlockingMisuse.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(5);
        assertThat(compilation).hadErrorContaining(Messages.NON_BLOCKING_NOT_HANDLER).inFile(source)
                .onLineContaining("// on a plain method");
        assertThat(compilation).hadErrorContaining(Messages.NON_BLOCKING_WAITS).inFile(source)
                .onLineContaining("static void waits(");
        assertThat(compilation).hadErrorContaining(Messages.NON_BLOCKING_WAITS).inFile(source)
                .onLineContaining("static void waitsToo(");
        assertThat(compilation).hadErrorContaining(Messages.NON_BLOCKING_REDUNDANT).inFile(source)
                .onLineContaining("// with nothing to undo");
        assertThat(compilation).hadErrorContaining(Messages.NON_BLOCKING_NO_HANDLERS + " Class: com.misuse.NonBlockingMisuse.NoHandlers.")
                .inFile(source).onLineContaining("// on a class without handlers");
    }

    @Test
    void pluginNameBreakingTheSeedsRule_isAnErrorOnTheName() {
        assertSingleError("PluginName.java", Messages.PLUGIN_NAME, "@AppMessagePlugin(\"WxApp\")");
    }

    @Test
    void pluginNameOnPackageInfoBreakingTheSeedsRule_isAnErrorOnTheName() {
        JavaFileObject packageInfo = fixture("errors/pluginpkg/package-info.java");
        Compilation compilation = failing(packageInfo, fixture("errors/pluginpkg/PackagePluginHandlers.java"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Messages.PLUGIN_NAME + " Found \"Wx-App\".").inFile(packageInfo)
                .onLineContaining("@AppMessagePlugin(\"Wx-App\")");
    }

    @Test
    void resultTypesWithoutJsonForm_areErrors_namingTheCulprit() {
        JavaFileObject source = fixture("errors/UnwritableType.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining(Messages.UNWRITABLE_TYPE + " The result java.lang.Thread has type")
                .inFile(source).onLineContaining("static Thread thread(");
        assertThat(compilation).hadErrorContaining("map with java.lang.Double keys")
                .inFile(source).onLineContaining("byNumber(");
        assertThat(compilation).hadErrorContaining("contains Placed.at has type java.time.Instant")
                .inFile(source).onLineContaining("placed(");
        assertThat(compilation).hadErrorContaining("Convert it to a String (ISO-8601")
                .inFile(source).onLineContaining("placed(");
        assertThat(compilation).hadErrorContaining(Messages.UNWRITABLE_TYPE).inFile(source)
                .onLineContaining("static Plain plain(");
    }

    @Test
    void genericRecordWithUnwritableTypeArgument_isAnError_namingTheComponent() {
        JavaFileObject source = fixture("errors/GenericBox.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("contains Box.value has type java.time.Instant")
                .inFile(source).onLineContaining("static Box<Instant> box(");
        assertThat(compilation).hadErrorContaining("contains Box.value has type java.lang.Thread")
                .inFile(source).onLineContaining("static Listing<Box<Thread>> listing(");
    }

    @Test
    void appMessageDataOnClass_isAnError_andUnwritableComponentIsAnErrorOnTheComponent() {
        JavaFileObject source = fixture("errors/DataNotRecord.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Messages.DATA_NOT_RECORD).inFile(source)
                .onLineContaining("class DataNotRecord");
        assertThat(compilation).hadErrorContaining(Messages.UNWRITABLE_COMPONENT).inFile(source)
                .onLineContaining("LocalDate day");
    }

    @Test
    void privateRecordAsResult_isAnError() {
        assertSingleError("PrivateRecord.java", Messages.PRIVATE_RECORD, "static Secret secret(");
    }

    @Test
    void handlersTheRegistrysPackageCannotReach_areErrors() {
        JavaFileObject left = fixture("errors/access/Left.java");
        JavaFileObject right = fixture("errors/access/Right.java");
        JavaFileObject constructed = fixture("errors/access/Constructed.java");
        Compilation compilation = failing(left, right, constructed);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(Messages.INACCESSIBLE_METHOD + " HandlerRegister package: errors.access")
                .inFile(left).onLineContaining("static void packagePrivate(");
        assertThat(compilation).hadErrorContaining(Messages.INACCESSIBLE_CLASS).inFile(right)
                .onLineContaining("inHiddenClass(");
        assertThat(compilation).hadErrorContaining(Messages.INACCESSIBLE_CONSTRUCTOR).inFile(constructed)
                .onLineContaining("public void run(");
    }

    @Test
    void handlersSharingNoPackage_isAnErrorAskingForTheOption() {
        JavaFileObject left = fixture("errors/access/Left.java");
        Compilation compilation = failing(left, fixture("errors/access/Elsewhere.java"));
        assertThat(compilation).hadErrorContaining(Messages.NO_PACKAGE).inFile(left)
                .onLineContaining("public class Left");
    }

    @Test
    void userClassWithTheRegistersName_isAnErrorOnThatClass_suggestingTheOption() {
        JavaFileObject taken = fixture("errors/taken/HandlerRegister.java");
        Compilation compilation = failing(taken, fixture("errors/taken/TakenHandlers.java"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Messages.REGISTER_NAME_TAKEN + " Register: errors.taken.HandlerRegister.")
                .inFile(taken).onLineContaining("public class HandlerRegister");
    }

    @Test
    void configuredRegisterNameOfAnExistingClass_isAnError_andAFreeNameCompiles() {
        JavaFileObject handlers = fixture("errors/taken/TakenHandlers.java");
        Compilation clash = compile(List.of(handlers), "-Aappmessage.class=TakenHandlers");
        assertThat(clash).failed();
        assertThat(clash).hadErrorCount(1);
        assertThat(clash).hadErrorContaining(Messages.REGISTER_NAME_TAKEN + " Register: errors.taken.TakenHandlers.")
                .inFile(handlers).onLineContaining("public class TakenHandlers");

        Compilation renamed = compile(List.of(fixture("errors/taken/HandlerRegister.java"), handlers),
                "-Aappmessage.class=TakenRegister");
        assertThat(renamed).succeededWithoutWarnings();
        assertThat(renamed).generatedSourceFile("errors.taken.TakenRegister");
    }

    @Test
    void invalidOption_isAnError() {
        Compilation compilation = compile(fixtures("spread/AHandlers.java"), "-Aappmessage.class=Not-A-Name");
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(Messages.BAD_OPTION);
    }

    @Test
    void exceptionInsideTheProcessor_isAnInternalError_andJavacDoesNotCrash() {
        // no test hook: two instances in one javac run make the second's Filer throw FilerException when it
        // writes the register the first already wrote. An escaping exception would make compile() throw.
        Compilation compilation = javac().withProcessors(new AppMessageProcessor(), new AppMessageProcessor())
                .compile(fixtures("spread/AHandlers.java"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Messages.INTERNAL_ERROR);
        assertThat(compilation).hadErrorContaining("javax.annotation.processing.FilerException");
    }

    @Test
    void severalMisusesInOneBuild_areAllReported() {
        JavaFileObject source = fixture("errors/ManyErrors.java");
        Compilation compilation = failing(source);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(Messages.PRIVATE_METHOD).inFile(source).onLineContaining("hidden(");
        assertThat(compilation).hadErrorContaining(Messages.MISSING_KEY).inFile(source).onLineContaining("noKey(");
        assertThat(compilation).hadErrorContaining(Messages.PARAMETER_TYPE).inFile(source)
                .onLineContaining("Integer count");
    }

    @Test
    void everyMessage_namesItsRuleTagAndAFix() throws IllegalAccessException {
        int checked = 0;
        for (var field : Messages.class.getFields()) {
            String message = (String) field.get(null);
            assertTrue(message.startsWith("[AppMessage-"), field.getName());
            if (!field.getName().equals("INTERNAL_ERROR") && !field.getName().equals("LATE_ROUND")) {
                assertTrue(message.contains("Fix: "), field.getName() + " says how to fix it");
            }
            checked++;
        }
        assertEquals(Messages.class.getFields().length, checked);
        assertTrue(checked >= 20);
        assertTrue(Diagnostic.Kind.ERROR.name().equals("ERROR"));
    }
}

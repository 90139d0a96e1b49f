package io.appmessage.processor.internal;

import io.appmessage.spi.MessageKeys;

/**
 * Every diagnostic the processor reports, one constant per rule. Each starts with a searchable tag
 * ({@code [AppMessage-PrivateMethod]}), states the rule, and says how to fix it; the reporter
 * appends the specifics (which type, which other method). The tests reuse these constants, so a
 * reworded message cannot silently drift from what is tested.
 *
 * <p>Every misuse is a compile error on the element, naming the rule and the fix.
 */
public final class Messages {

    private Messages() {
    }

    public static final String PRIVATE_METHOD = "[AppMessage-PrivateMethod] An @OnAppMessageRequest method must not be"
            + " private: the generated HandlerRegister calls it directly, without reflection."
            + " Fix: make it package-private or public.";

    public static final String INACCESSIBLE_METHOD = "[AppMessage-InaccessibleMethod] This handler method is not public,"
            + " but HandlerRegister is generated in another package and cannot call it."
            + " Fix: make the method public, or move the handler classes into one package.";

    public static final String PRIVATE_CLASS = "[AppMessage-PrivateClass] The class declaring this handler is private"
            + " (or nested in a private class), so the generated HandlerRegister cannot reach it."
            + " Fix: make the class package-private or public.";

    public static final String INACCESSIBLE_CLASS = "[AppMessage-InaccessibleClass] The class declaring this handler"
            + " is not public, but HandlerRegister is generated in another package and cannot reach it."
            + " Fix: make the class public, or set -Aappmessage.package to the handler's package.";

    public static final String INNER_CLASS = "[AppMessage-InnerClass] An instance handler must not live in an inner"
            + " (non-static nested) class: HandlerRegister cannot create it without an enclosing instance."
            + " Fix: declare the nested class static, or make the method static.";

    public static final String LOCAL_CLASS = "[AppMessage-LocalClass] Handlers cannot live in local or anonymous"
            + " classes: generated code cannot name them."
            + " Fix: move the method into a top-level or static nested class.";

    public static final String ABSTRACT_INSTANCE = "[AppMessage-AbstractInstance] An instance handler must be declared"
            + " in a concrete class: HandlerRegister builds or obtains one object of the declaring class, and an"
            + " abstract class or interface has none."
            + " Fix: make the method static, or move it into a concrete class.";

    public static final String PRIVATE_CONSTRUCTOR = "[AppMessage-PrivateConstructor] The class of this instance handler"
            + " has a private no-arg constructor, so HandlerRegister cannot create it."
            + " Fix: make the no-arg constructor package-private or public, or make the method static;"
            + " a class whose constructors all take arguments is obtained from the InstanceProvider instead.";

    public static final String INACCESSIBLE_CONSTRUCTOR = "[AppMessage-InaccessibleConstructor] The no-arg"
            + " constructor of this handler's class is not public, but HandlerRegister is generated in another"
            + " package and cannot call it. Fix: make the constructor public.";

    public static final String PARAMETER_TYPE = "[AppMessage-ParameterType] A handler takes only AppMessageRequest"
            + " and/or AppMessage parameters, in any order, or none."
            + " Fix: remove this parameter; read request data through AppMessageRequest"
            + " (userId(), queryParameter(), attribute()) and inject services into the handler's class.";

    public static final String DUPLICATE_PARAMETER = "[AppMessage-DuplicateParameter] A handler takes each of"
            + " AppMessageRequest and AppMessage at most once. Fix: remove the repeated parameter.";

    public static final String MISSING_KEY = "[AppMessage-MissingKey] A handler that returns a value needs a key to"
            + " push it under. Fix: name the key, as in @OnAppMessageRequest(\"order_status\"),"
            + " or return void and push through AppMessage.";

    public static final String KEY_ON_VOID = "[AppMessage-KeyOnVoid] A key is only for handlers that return a value;"
            + " this one returns nothing (void or CompletionStage<Void>), so nothing would be pushed under it."
            + " Fix: remove the key and push through AppMessage, or return the value to push.";

    public static final String GENERIC_METHOD = "[AppMessage-GenericMethod] A handler method must not declare type"
            + " parameters: the runtime calls it with nothing to infer them from."
            + " Fix: remove the type parameters.";

    public static final String BLANK_KEY = "[AppMessage-BlankKey] The key is blank."
            + " Fix: use letters, digits, '_', '.' or '-', as in @OnAppMessageRequest(\"order_status\"),"
            + " or no key at all for a void handler.";

    public static final String MALFORMED_KEY = "[AppMessage-MalformedKey] A key has " + MessageKeys.RULE + "."
            + " Fix: rename the key, as in \"order_status\".";

    public static final String DUPLICATE_KEY = "[AppMessage-DuplicateKey] Two handlers of this compilation return a"
            + " value under the same key, so one would silently overwrite the other on every poll."
            + " Fix: give each handler its own key.";

    public static final String OVERLOADED_HANDLER = "[AppMessage-OverloadedHandler] Two handler methods of one class"
            + " share a name, but a handler's id is Class#method (logs, metrics and the runtime's per-handler"
            + " bookkeeping tell handlers apart by it). Fix: rename one of them.";

    public static final String PLUGIN_NAME = "[AppMessage-PluginName] A plugin name starts with a lowercase letter,"
            + " followed by lowercase letters, digits and '_', as in \"wxapp\" or \"mall_2\"."
            + " Fix: rename the plugin.";

    public static final String UNWRITABLE_TYPE = "[AppMessage-UnwritableType] The handler's result cannot be written"
            + " as JSON. Pushable: String, numbers, booleans, char, enums (written by name), records,"
            + " Optional, collections, arrays and Map with String, enum or Integer/Long keys of those, and Object."
            + " Fix: make the type a record, or return a Map<String, ?> or a String.";

    public static final String UNWRITABLE_COMPONENT = "[AppMessage-UnwritableType] This record component cannot be"
            + " written as JSON. Pushable: String, numbers, booleans, char, enums (written by name), records,"
            + " Optional, collections, arrays and Map with String, enum or Integer/Long keys of those, and Object."
            + " Fix: make the type a record, or use a Map<String, ?> or a String.";

    public static final String PRIVATE_RECORD = "[AppMessage-PrivateRecord] A record pushed as JSON needs a generated"
            + " writer in its own package, so it must not be private, local, or nested in a private class."
            + " Fix: make the record package-private or public, and declare it at top level or as a member.";

    public static final String DATA_NOT_RECORD = "[AppMessage-DataNotRecord] @AppMessageData is for records only:"
            + " their components say what the JSON holds. Fix: turn the class into a record,"
            + " or remove the annotation and push a Map<String, ?>.";

    public static final String NO_PACKAGE = "[AppMessage-NoPackage] The handler classes share no package, so there is"
            + " no package to put HandlerRegister in (the unnamed package would collide between jars)."
            + " Fix: pass -Aappmessage.package=com.example to javac, or annotate a package with @AppMessagePlugin.";

    public static final String REGISTER_NAME_TAKEN = "[AppMessage-RegisterNameTaken] A type with the generated"
            + " register's name already exists in its package, so HandlerRegister cannot be written there."
            + " Fix: give the register another name with -Aappmessage.class=ShopHandlerRegister (or another package"
            + " with -Aappmessage.package=...), or rename your class.";

    public static final String BAD_OPTION = "[AppMessage-Option] An AppMessage processor option has an invalid value."
            + " Fix: appmessage.package takes a package name (com.example.app), appmessage.class a simple class"
            + " name (ShopHandlerRegister).";

    public static final String NON_BLOCKING_NOT_HANDLER = "[AppMessage-NonBlockingNotHandler] @NonBlocking on a"
            + " method says how a handler runs, but this method is not an @OnAppMessageRequest handler, so it has no"
            + " effect. Fix: annotate the method @OnAppMessageRequest too, or remove @NonBlocking.";

    public static final String NON_BLOCKING_NO_HANDLERS = "[AppMessage-NonBlockingNoHandlers] @NonBlocking on a"
            + " class applies to its @OnAppMessageRequest methods (and those of its nested classes), but this class"
            + " declares none, so it has no effect. Fix: put @NonBlocking on the class that declares the handlers,"
            + " or remove it.";

    public static final String NON_BLOCKING_REDUNDANT = "[AppMessage-NonBlockingRedundant] @NonBlocking(false)"
            + " undoes a @NonBlocking on an enclosing class or package, but nothing around this element is declared"
            + " non-blocking, and handlers block by default, so it has no effect. Fix: remove @NonBlocking(false).";

    public static final String NON_BLOCKING_WAITS = "[AppMessage-NonBlockingWaits] This handler is declared"
            + " @NonBlocking (on the method, its class or its package) but declares InterruptedException, so it"
            + " waits: a non-blocking handler runs on the server's I/O thread, and a wait there stalls every"
            + " connection of that thread. Fix: leave it blocking (remove @NonBlocking, or add @NonBlocking(false)"
            + " to the method), or return a CompletionStage and do the waiting elsewhere.";

    public static final String LATE_ROUND = "[AppMessage-LateRound] This handler or record appeared in a later"
            + " annotation-processing round (generated by another processor) after HandlerRegister was written,"
            + " so it would be missed. Fix: declare it in hand-written source, or generate it in the first round.";

    public static final String INTERNAL_ERROR = "[AppMessage-Internal] The AppMessage processor failed; please report"
            + " this with the stack trace below.";
}

package io.appmessage.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.appmessage.processor.support.Compilations.compile;
import static io.appmessage.processor.support.Compilations.fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.appmessage.InstanceProvider;
import io.appmessage.processor.support.GeneratedCode;
import io.appmessage.spi.HandlerDescriptor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code @NonBlocking} on a method, a class or a package reaches the generated descriptors as
 * {@link HandlerDescriptor#blocking()}, the innermost declaration winning; without it every handler blocks.
 */
class NonBlockingTest {

    private static Map<String, Boolean> blockingById(Compilation compilation, String register) {
        assertThat(compilation).succeededWithoutWarnings();
        List<HandlerDescriptor> handlers = new GeneratedCode(compilation).registry(register)
                .handlers(InstanceProvider.NONE);
        Map<String, Boolean> blocking = new TreeMap<>();
        handlers.forEach(handler -> blocking.put(handler.id(), handler.blocking()));
        return blocking;
    }

    @Test
    void packageClassAndMethodDeclarations_innermostWins() {
        Compilation compilation = compile(fixtures("nonblocking/fast/package-info.java",
                "nonblocking/NonBlockingHandlers.java", "nonblocking/fast/mixed/MixedHandlers.java"),
                "-Xlint:all,-processing");

        assertEquals(Map.of(
                "com.fast.NonBlockingHandlers#inPackage", false,           // @NonBlocking on package com.fast
                "com.fast.NonBlockingHandlers#later", false,               // and on the async method itself
                "com.fast.NonBlockingHandlers$Blocking#blockingClass", true, // @NonBlocking(false) on its class
                "com.fast.NonBlockingHandlers$Blocking#methodAgain", false,  // @NonBlocking inside that class
                "com.fast.mixed.MixedHandlers#fromPackage", false,          // a sub-package of com.fast
                "com.fast.mixed.MixedHandlers#readsTheDatabase", true),     // @NonBlocking(false) on the method
                blockingById(compilation, "com.fast.HandlerRegister"));
    }

    @Test
    void methodDeclaration_leavesTheOtherHandlersOfItsClassBlocking() {
        Compilation compilation = compile(fixtures("nonblocking/MethodLevel.java"));

        assertEquals(Map.of("com.slow.MethodLevel#fast", false, "com.slow.MethodLevel#slow", true),
                blockingById(compilation, "com.slow.HandlerRegister"));
    }

    @Test
    void withoutDeclaration_aHandlerBlocks() {
        Compilation compilation = compile(fixtures("shop/ShopHandlers.java", "shop/OrderStatus.java",
                "shop/Notice.java"));

        Map<String, Boolean> blocking = blockingById(compilation, "com.shop.HandlerRegister");
        assertEquals(false, blocking.remove("com.shop.ShopHandlers#version")); // the one declared @NonBlocking
        assertEquals(List.of(true), blocking.values().stream().distinct().toList());
    }
}

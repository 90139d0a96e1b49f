package io.appmessage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that handlers never block, so the runtime may run them on the thread the poll arrived on
 * (the server's I/O thread) instead of handing the poll to a worker first. Handlers block by default;
 * declare this only for handlers that compute from memory: no database, no HTTP call, no file, no
 * lock held by slow code, no {@code Thread.sleep}, no {@code CompletableFuture.join()}.
 *
 * <p>It applies to one handler method, to every handler of a class (and of its nested classes), or,
 * on {@code package-info.java}, to every handler of a package and its sub-packages (a plugin usually is
 * one package). The innermost declaration wins, so {@code @NonBlocking(false)} makes one method or
 * class blocking again inside a non-blocking class or package.
 *
 * <pre>{@code
 * public final class ShopHandlers {
 *     @NonBlocking                                      // reads memory only: runs on the I/O thread
 *     @OnAppMessageRequest("version")
 *     static String version() {
 *         return "1.4.2";
 *     }
 *
 *     @NonBlocking                                      // an async handler starts its work and returns at once
 *     @OnAppMessageRequest("stock")
 *     CompletionStage<Integer> stock(AppMessageRequest request) {
 *         return inventory.countAsync(request.queryParameter("sku").orElse(""));
 *     }
 *
 *     @OnAppMessageRequest("order_status")               // queries the database: blocking (the default)
 *     OrderStatus status(AppMessageRequest request) { ... }
 * }
 * }</pre>
 *
 * <p>A poll whose handlers are all non-blocking is answered without a hop to a worker. A handler
 * declared non-blocking that does block holds the I/O thread, and with it every connection that
 * thread serves, for as long as it blocks; the runtime's watchdog logs such a handler by name. The
 * annotation processor rejects declarations that make no sense (on a method that is not a handler,
 * on a class without handlers, on a handler that declares {@code InterruptedException}, or a
 * {@code @NonBlocking(false)} with nothing non-blocking around it), each with the fix.
 *
 * <p>Retention is {@code CLASS}, like {@link OnAppMessageRequest}: the processor records the
 * declaration in the generated register ({@link io.appmessage.spi.HandlerDescriptor#blocking()}); the
 * runtime never reads the annotation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.PACKAGE})
public @interface NonBlocking {

    /**
     * {@code true} (the default): the handlers never block. {@code false}: they may block, which undoes
     * a {@code @NonBlocking} on an enclosing class or package for this method or class.
     */
    boolean value() default true;
}

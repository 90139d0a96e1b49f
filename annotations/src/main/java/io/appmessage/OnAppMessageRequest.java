package io.appmessage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs on every poll of the message channel, like a PHP backend's handler of
 * the {@code EVENT_APP_MESSAGE_REQUEST} event.
 *
 * <p>The annotation processor lists every annotated method in a generated {@code HandlerRegister}
 * at build time; nothing is scanned or reflected at run time. Three forms are accepted:
 *
 * <pre>{@code
 * public final class ShopHandlers {
 *     @OnAppMessageRequest                          // imperative: push any keys you like
 *     static void test(AppMessage message) {
 *         message.push("test_msg", "测试消息");
 *     }
 *
 *     @OnAppMessageRequest("order_status")           // value: a non-null result is pushed under the key
 *     OrderStatus status(AppMessageRequest request) { ... }
 *
 *     @OnAppMessageRequest(value = "stock", order = 10) // async: pushed when the stage completes in time
 *     CompletionStage<Map<String, Object>> stock(AppMessageRequest request) { ... }
 * }
 * }</pre>
 *
 * <p>Parameters may be {@link AppMessageRequest} and/or {@link AppMessage}, in any order, or none.
 * Anything else is a compile error that names the rule and the fix.
 *
 * <p>Retention is {@code CLASS}: the runtime never reads this annotation (it calls the generated
 * code), but incremental compilers such as Gradle's need to see it in class files.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnAppMessageRequest {

    /**
     * The key the method's result is pushed under. Required when the method returns a value (or a
     * {@code CompletionStage} of one); forbidden on {@code void} methods, which push themselves.
     * Letters, digits, {@code _}, {@code .} and {@code -}; at most 64 characters. Keep keys unique
     * across the app and its plugins: a later push of the same key overwrites an earlier one.
     */
    String value() default "";

    /**
     * Invocation order within a poll: lower runs first; ties are broken by class name, then method
     * name, so the order is the same on every build.
     */
    int order() default 0;
}

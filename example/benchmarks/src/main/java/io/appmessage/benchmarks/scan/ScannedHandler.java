package io.appmessage.benchmarks.scan;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a scanning framework would look for: a handler marker kept at run time. It exists only for
 * the comparison variants (reflective dispatch, {@code ScanningApp}); {@code @OnAppMessageRequest}
 * itself is CLASS-retained, because AppMessage never reads it at run time.
 *
 * <pre>{@code
 * @OnAppMessageRequest @ScannedHandler
 * public void handle(AppMessage message) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ScannedHandler {

    /** The key a returned value is pushed under; {@code ""} for a {@code void} handler that pushes itself. */
    String value() default "";
}

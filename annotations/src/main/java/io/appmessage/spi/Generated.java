package io.appmessage.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks source written by the AppMessage annotation processor. Our own annotation, so that
 * generated code compiles on every JDK without {@code javax.annotation.processing.Generated}
 * (absent when compiling with {@code --release 8}) or {@code javax.annotation.Generated} (removed
 * in Java 11). Coverage and static-analysis tools skip types whose annotation is named
 * {@code Generated}.
 *
 * <pre>{@code
 * @Generated("io.appmessage.processor.AppMessageProcessor")
 * public final class HandlerRegister implements HandlerRegistry { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Generated {

    /** The fully qualified name of the processor that wrote the code. */
    String value();

    /** Free-form notes, such as which sources the code was written from. */
    String comments() default "";
}

package io.appmessage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the processor to generate a JSON writer for a record, so that it can be pushed with
 * {@link AppMessage#push(String, Object)} from any handler, without reflection.
 *
 * <p>Records that handlers return (directly, or inside {@code Optional}, collections, arrays, maps
 * or other records) get a writer without this annotation; use it for records that are only ever
 * pushed imperatively, and to choose how component names appear in JSON:
 *
 * <pre>{@code
 * @AppMessageData(naming = AppMessageData.Naming.SNAKE_CASE)
 * public record OrderStatus(String userId, String orderNo, String status) {}
 * // pushed as {"user_id":"alice","order_no":"A-1001","status":"shipped"}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AppMessageData {

    /** How record component names become JSON field names. */
    Naming naming() default Naming.AS_DECLARED;

    /** How record component names become JSON field names. */
    enum Naming {
        /** The component name as written in Java: {@code orderNo} stays {@code orderNo}. */
        AS_DECLARED,
        /** Lower snake case, as PHP backends and mini-programs commonly use: {@code orderNo} becomes {@code order_no}. */
        SNAKE_CASE
    }
}

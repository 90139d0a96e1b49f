package io.appmessage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the handlers of a class, or of a whole package when placed on
 * {@code package-info.java}, belong to a plugin: a named group of handlers the server can switch off as one.
 *
 * <pre>{@code
 * @AppMessagePlugin("wxapp")
 * package com.example.wxapp;
 * }</pre>
 *
 * <p>A plugin is usually its own jar with its own generated {@code HandlerRegister} (placed in the
 * plugin's package), found at run time through {@code ServiceLoader}. The server can switch a
 * plugin off by name, at start or while running.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface AppMessagePlugin {

    /**
     * The plugin's name: a lowercase letter first, then lowercase
     * letters, digits and {@code _} (for example {@code wxapp}, {@code mall_2}). Checked at compile time.
     */
    String value();
}

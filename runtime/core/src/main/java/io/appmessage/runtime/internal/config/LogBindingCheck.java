package io.appmessage.runtime.internal.config;

import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

import java.io.PrintStream;

/**
 * Says, in one plain line on standard error, that nothing will be logged when SLF4J found no
 * binding: without one the start-up line and every handler fault would vanish silently.
 *
 * <pre>{@code
 * LogBindingCheck.warnIfNone();   // before the server listens
 * }</pre>
 */
public final class LogBindingCheck {

    /** The line printed when SLF4J has no binding. */
    public static final String NO_BINDING = "AppMessage: no SLF4J binding on the class path, so its log lines"
            + " (start-up, handler faults) are dropped: add the dependency org.slf4j:slf4j-simple"
            + " (or ch.qos.logback:logback-classic) to your app";

    private static volatile boolean told;

    private LogBindingCheck() {
    }

    /** Prints {@link #NO_BINDING} once per JVM when SLF4J falls back to its no-operation logger. */
    public static void warnIfNone() {
        warnIfNone(System.err);
    }

    static void warnIfNone(PrintStream err) {
        if (!told && LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
            told = true;
            err.println(NO_BINDING);
        }
    }
}

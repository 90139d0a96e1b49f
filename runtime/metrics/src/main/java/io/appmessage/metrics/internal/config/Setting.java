package io.appmessage.metrics.internal.config;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One management setting, declared once: its builder name, its environment variable, its default, how the
 * variable's text is parsed, the rule its value must keep, and one line of documentation. The builder, the
 * environment overrides, the start-up errors and the README's table follow from {@link ManagementDeclarations}.
 * The same shape as the server's settings, kept in this module because a module never uses another's internals.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    final int index;
    private final String name;
    private final String variable;
    private final T defaultValue;
    private final String defaultText;
    private final Function<String, T> parse;
    private final Predicate<T> check;
    private final String rule;
    private final String doc;
    private final boolean secret;

    Setting(int index, String name, String variable, T defaultValue, String defaultText, Function<String, T> parse,
            Predicate<T> check, String rule, String doc, boolean secret) {
        this.index = index;
        this.name = name;
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.parse = parse;
        this.check = check;
        this.rule = rule;
        this.doc = doc;
        this.secret = secret;
    }

    /** The builder method's name. */
    public String name() {
        return name;
    }

    /** The environment variable that overrides it. */
    public String variable() {
        return variable;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as the README shows it. */
    public String defaultText() {
        return defaultText;
    }

    /** One line: what the setting does. */
    public String doc() {
        return doc;
    }

    /** What a valid value looks like, for error messages. */
    public String rule() {
        return rule;
    }

    /** A value as logs, errors and the console may show it: a secret only as set or not. */
    public String show(T value) {
        if (secret) {
            return value == null ? "none" : "set";
        }
        return String.valueOf(value);
    }

    /** Parses the environment variable's text; the error names the setting and the variable. */
    T parse(String text) {
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("[AppMessage-Config] environment variable " + variable + " (setting "
                    + name + ") must be " + rule + ", was " + shownText(text));
        }
    }

    /** Checks a value, however it was set; the error names the setting and its variable. */
    T check(T value) {
        boolean ok;
        try {
            ok = check.test(value);
        } catch (NullPointerException nullValue) { // only settings whose rule says so may be null
            ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException("[AppMessage-Config] setting " + name + " (environment variable "
                    + variable + ") must be " + rule + ", was " + (secret ? shownText(String.valueOf(value))
                    : String.valueOf(value)));
        }
        return value;
    }

    private String shownText(String text) {
        return secret ? text.length() + " characters" : "'" + text + "'";
    }
}

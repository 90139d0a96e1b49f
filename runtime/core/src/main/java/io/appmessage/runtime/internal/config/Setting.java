package io.appmessage.runtime.internal.config;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One server setting, declared once: its builder name, its environment variable, its default, how
 * the variable's text is parsed, the rule its value must keep, and one line of documentation. The
 * builder, the environment overrides, the start-up errors and the README's configuration table all
 * follow from the declarations in {@link Settings}.
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

    Setting(int index, String name, String variable, T defaultValue, String defaultText, Function<String, T> parse,
            Predicate<T> check, String rule, String doc) {
        this.index = index;
        this.name = name;
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.parse = parse;
        this.check = check;
        this.rule = rule;
        this.doc = doc;
    }

    /** The builder method's name; {@code cors.maxAge} names a part of the builder's {@code cors(CorsSettings)}. */
    public String name() {
        return name;
    }

    /** The environment variable that overrides it, or null for none. */
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

    /** Parses the environment variable's text; an {@link IllegalArgumentException} names the setting and the variable. */
    T parse(String text) {
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("[AppMessage-Config] environment variable " + variable + " (setting "
                    + name + ") must be " + rule + ", was '" + text + "'");
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
            throw new IllegalArgumentException("[AppMessage-Config] setting " + name + where() + " must be " + rule
                    + ", was " + value);
        }
        return value;
    }

    private String where() {
        return variable == null ? "" : " (environment variable " + variable + ")";
    }
}

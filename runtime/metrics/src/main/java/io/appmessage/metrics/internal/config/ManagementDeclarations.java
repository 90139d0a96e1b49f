package io.appmessage.metrics.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every setting of the management listener, declared once, in the order of the README's table. The table
 * between the {@code management-settings-table} markers of {@code runtime/metrics/README.md} is
 * {@link #markdownTable()}; a test fails when they differ.
 */
public final class ManagementDeclarations {

    /** The port value that means: no management listener. */
    public static final int OFF = -1;
    /** A token shorter than this could be guessed, and it opens the console. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private static final List<Setting<?>> DECLARED = new ArrayList<>();

    public static final Setting<String> HOST = declare("host", "APPMESSAGE_MANAGEMENT_HOST", "127.0.0.1",
            "`127.0.0.1`: this machine only", Function.identity(), h -> !h.isBlank(), "a host name or address",
            "listen address (`0.0.0.0` opens `/metrics` to the network)", false);
    public static final Setting<Integer> PORT = declare("port", "APPMESSAGE_MANAGEMENT_PORT", OFF, "off",
            ManagementDeclarations::port, p -> p >= OFF && p <= 65_535, "0..65535, or off",
            "port (0 = any free port; off = no listener)", false);
    public static final Setting<String> ADMIN_TOKEN = declare("adminToken", "APPMESSAGE_ADMIN_TOKEN", null,
            "none: `/metrics` only, the console answers 404", Function.identity(),
            t -> t == null || t.length() >= MIN_TOKEN_LENGTH,
            "at least " + MIN_TOKEN_LENGTH + " characters (a guessable token opens the console), or none",
            "the console's token (`?token=` or `Authorization: Bearer`)", true);

    /** Every setting, in table order. */
    public static final List<Setting<?>> ALL = Collections.unmodifiableList(DECLARED);

    private ManagementDeclarations() {
    }

    private static <T> Setting<T> declare(String name, String variable, T defaultValue, String defaultText,
                                          Function<String, T> parse, Predicate<T> check, String rule, String doc,
                                          boolean secret) {
        Setting<T> setting = new Setting<>(DECLARED.size(), name, variable, defaultValue, defaultText, parse, check,
                rule, doc, secret);
        DECLARED.add(setting);
        return setting;
    }

    /** The README's table of these settings, one row each. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| setting | builder | environment variable | default |\n|---|---|---|---|\n");
        for (Setting<?> s : ALL) {
            out.append("| ").append(s.doc()).append(" | `").append(s.name()).append("` | `").append(s.variable())
                    .append("` | ").append(s.defaultText()).append(" |\n");
        }
        return out.toString();
    }

    private static Integer port(String text) {
        return text.equalsIgnoreCase("off") ? OFF : Integer.valueOf(text);
    }
}

package io.appmessage.metrics.internal.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of every {@link ManagementDeclarations} setting for one listener being built: the defaults, then
 * what the builder set, then the environment's overrides (a blank variable is ignored); {@link #resolve} checks
 * each value against its declaration.
 */
public final class ManagementValues {

    private final Object[] values = new Object[ManagementDeclarations.ALL.size()];

    public ManagementValues() {
        for (Setting<?> s : ManagementDeclarations.ALL) {
            values[s.index] = s.defaultValue();
        }
    }

    public <T> void set(Setting<T> setting, T value) {
        values[setting.index] = value;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values[setting.index];
    }

    /** A copy with {@code environment}'s variables applied over these values, every value checked. */
    public ManagementValues resolve(Map<String, String> environment) {
        ManagementValues resolved = new ManagementValues();
        System.arraycopy(values, 0, resolved.values, 0, values.length);
        for (Setting<?> s : ManagementDeclarations.ALL) {
            resolved.apply(s, environment);
        }
        for (Setting<?> s : ManagementDeclarations.ALL) {
            resolved.check(s);
        }
        return resolved;
    }

    /** Every setting by its builder name, as errors and the console may show it (the token only as set or none). */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Setting<?> s : ManagementDeclarations.ALL) {
            shown.put(s.name(), show(s));
        }
        return shown;
    }

    private <T> String show(Setting<T> setting) {
        return setting.show(get(setting));
    }

    private <T> void apply(Setting<T> setting, Map<String, String> environment) {
        String text = environment.get(setting.variable());
        if (text != null && !text.isBlank()) {
            set(setting, setting.parse(text.trim()));
        }
    }

    private <T> void check(Setting<T> setting) {
        setting.check(get(setting));
    }
}

package io.appmessage.runtime.internal.config;

import java.util.Map;

/**
 * The value of every {@link Settings} declaration for one server being built: the defaults, then
 * what the builder set, then the environment's overrides; {@link #resolve} checks each value
 * against its declaration and gives the {@link ServerSettings}.
 */
public final class SettingValues {

    private final Object[] values = new Object[Settings.ALL.size()];

    public SettingValues() {
        for (Setting<?> s : Settings.ALL) {
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

    /**
     * Applies the environment: every declared variable that is present overrides the builder's value
     * (blank values are ignored, except for the health path and the CORS origins, where empty switches
     * health, or CORS, off).
     */
    public void applyEnvironment(Map<String, String> environment) {
        for (Setting<?> s : Settings.ALL) {
            apply(s, environment);
        }
    }

    private <T> void apply(Setting<T> setting, Map<String, String> environment) {
        if (setting.variable() == null) {
            return;
        }
        String text = environment.get(setting.variable());
        if (text == null || (text.isBlank() && setting != Settings.HEALTH_PATH
                && setting != Settings.CORS_ALLOWED_ORIGINS)) {
            return;
        }
        set(setting, setting.parse(text.trim()));
    }

    /** Checks every value against its declaration, then the rules between settings. */
    public ServerSettings resolve() {
        for (Setting<?> s : Settings.ALL) {
            check(s);
        }
        return new ServerSettings(this);
    }

    private <T> void check(Setting<T> setting) {
        setting.check(get(setting));
    }
}

package io.appmessage.runtime.internal.dispatch;

import io.appmessage.runtime.Plugins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The handlers that run on the next poll: the table minus switched-off plugins, kept as an
 * immutable array in a volatile field and rebuilt on each switch, so a poll reads one field and
 * filters nothing.
 */
public final class PluginSwitch implements Plugins {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSwitch.class);

    private final HandlerSlot[] all;
    private final Set<String> known = new TreeSet<>();
    private final Set<String> disabled = new TreeSet<>();
    private volatile DispatchPlan active;

    public PluginSwitch(HandlerTable table, Collection<String> initiallyDisabled) {
        this.all = table.all();
        for (HandlerSlot slot : all) {
            if (!slot.plugin.isEmpty()) {
                known.add(slot.plugin);
            }
        }
        disabled.addAll(initiallyDisabled);
        rebuild();
    }

    /** The handlers to run, in order; never modified, shared by every poll that reads it. */
    HandlerSlot[] active() {
        return active.slots;
    }

    /** The handlers to run and how to dispatch them; never modified, shared by every poll that reads it. */
    DispatchPlan plan() {
        return active;
    }

    @Override
    public synchronized void disable(String plugin) {
        if (!known.contains(plugin)) {
            LOG.warn("plugin '{}' owns no handler (known plugins: {}); remembering it as disabled", plugin, known);
        }
        if (disabled.add(plugin)) {
            rebuild();
            LOG.info("plugin '{}' switched off", plugin);
        }
    }

    @Override
    public synchronized void enable(String plugin) {
        if (disabled.remove(plugin)) {
            rebuild();
            LOG.info("plugin '{}' switched on", plugin);
        }
    }

    @Override
    public synchronized boolean isEnabled(String plugin) {
        return !disabled.contains(plugin);
    }

    @Override
    public synchronized Set<String> disabled() {
        return Set.copyOf(disabled);
    }

    @Override
    public synchronized Set<String> known() {
        return Set.copyOf(known);
    }

    private void rebuild() {
        List<HandlerSlot> on = new ArrayList<>(all.length);
        for (HandlerSlot slot : all) {
            if (slot.plugin.isEmpty() || !disabled.contains(slot.plugin)) {
                on.add(slot);
            }
        }
        active = DispatchPlan.of(on.toArray(new HandlerSlot[0]));
    }
}

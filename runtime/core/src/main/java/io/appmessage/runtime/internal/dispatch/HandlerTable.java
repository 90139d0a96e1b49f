package io.appmessage.runtime.internal.dispatch;

import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.InstanceProvider;
import io.appmessage.runtime.internal.json.WriterTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every handler of every registry, built once at start and sorted by {@code order}, then by id
 * ({@code Class#method}), so the invocation order does not depend on the classpath order of jars.
 * Also fills the {@link WriterTable} from the registries' {@code registerWriters}.
 *
 * <pre>{@code
 * HandlerTable table = HandlerTable.build(registries, InstanceProvider.NONE, writers, faultLogInterval);
 * }</pre>
 */
public final class HandlerTable {

    private final HandlerSlot[] slots;
    private final List<String> registrySummaries;

    private HandlerTable(HandlerSlot[] slots, List<String> registrySummaries) {
        this.slots = slots;
        this.registrySummaries = registrySummaries;
    }

    public static HandlerTable build(List<HandlerRegistry> registries, InstanceProvider instances,
                                     WriterTable writers, long faultLogIntervalNanos) {
        record Entry(HandlerDescriptor descriptor, int seq) { }
        List<Entry> entries = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (HandlerRegistry registry : registries) {
            registry.registerWriters(writers.registration());
            List<HandlerDescriptor> handlers = registry.handlers(instances);
            for (HandlerDescriptor d : handlers) {
                entries.add(new Entry(d, entries.size()));
            }
            summaries.add(RegistryLoader.describe(registry, handlers.size()).toString());
        }
        writers.freeze();
        entries.sort(Comparator.comparingInt((Entry e) -> e.descriptor().order())
                .thenComparing(e -> e.descriptor().id())
                .thenComparingInt(Entry::seq));
        HandlerSlot[] slots = new HandlerSlot[entries.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new HandlerSlot(entries.get(i).descriptor(), faultLogIntervalNanos);
        }
        return new HandlerTable(slots, List.copyOf(summaries));
    }

    /** All handlers in invocation order (a copy). */
    public HandlerSlot[] all() {
        return slots.clone();
    }

    public int size() {
        return slots.length;
    }

    /** One entry per registry: {@code class name (n handlers, jar)}, for the start-up line (see {@link LoadedRegistry}). */
    public List<String> registrySummaries() {
        return registrySummaries;
    }
}

package io.appmessage.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** What the handlers did during one poll, written from the handlers' threads, read once the answer is in. */
final class PollRecord {

    private final Set<String> pushedKeys = new LinkedHashSet<>();
    private final List<HandlerFault> faults = new ArrayList<>();
    private final Set<String> running = new LinkedHashSet<>();
    private final Map<String, CompletionStage<?>> pending = new LinkedHashMap<>();
    private boolean answered;

    synchronized void started(String handlerId) {
        if (!answered) {
            running.add(handlerId);
        }
    }

    synchronized void returned(String handlerId) {
        running.remove(handlerId);
    }

    synchronized void pushed(String key) {
        if (!answered) {
            pushedKeys.add(key);
        }
    }

    synchronized void threw(String handlerId, Throwable error) {
        running.remove(handlerId);
        pending.remove(handlerId);
        if (!answered) {
            faults.add(new HandlerFault(handlerId, HandlerFault.Kind.THREW, error));
        }
    }

    synchronized void pending(String handlerId, CompletionStage<?> stage) {
        if (!answered) {
            pending.put(handlerId, stage);
        }
    }

    synchronized void settled(String handlerId) {
        pending.remove(handlerId);
    }

    /** Closes the record when the answer arrived: what still runs then was cut off by the deadline. */
    synchronized Snapshot answered() {
        answered = true;
        List<HandlerFault> all = new ArrayList<>(faults);
        for (String id : running) {
            all.add(new HandlerFault(id, HandlerFault.Kind.TIMED_OUT, null));
        }
        pending.forEach((id, stage) -> {
            if (!stage.toCompletableFuture().isDone()) {
                all.add(new HandlerFault(id, HandlerFault.Kind.TIMED_OUT, null));
            }
        });
        return new Snapshot(Set.copyOf(pushedKeys), List.copyOf(all));
    }

    record Snapshot(Set<String> pushedKeys, List<HandlerFault> faults) {
    }
}

package io.appmessage.benchmarks.topics;

import io.appmessage.benchmarks.delivery.Percentiles;
import java.util.Locale;

/**
 * What {@link TopicSubscribers} received during one step of the paced mode: messages, repeats, ids skipped,
 * {@code recovered:false} answers, and each message's age (the time its answer was read − the publish's
 * scheduled time, from the message's own stamp). Selector thread only.
 *
 * <pre>{@code
 * StepCounts step = new StepCounts();
 * step.message(ageMicros);
 * System.out.println(step.line());   // STEP messages=… duplicates=… gaps=… not_recovered=… freshness_p99_ms=…
 * }</pre>
 */
final class StepCounts {

    private final Percentiles ages = new Percentiles();
    long messages;
    long duplicates;
    long gaps;
    long notRecovered;

    void message(long ageMicros) {
        messages++;
        ages.add(Math.max(0, ageMicros));
    }

    String line() {
        return String.format(Locale.ROOT, "STEP messages=%d duplicates=%d gaps=%d not_recovered=%d %s", messages,
                duplicates, gaps, notRecovered, ages.fields("freshness_", 1_000.0));
    }
}

package io.appmessage.metrics.internal;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.concurrent.TimeUnit;

/**
 * A percentile read from a timer's fixed buckets: linear between the bounds of the bucket the rank falls in,
 * the timer's max past the last bucket. An estimate as good as the buckets, the same one Prometheus'
 * {@code histogram_quantile} makes.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p} percentile (0..1) in milliseconds, 0 when nothing was recorded. */
    static double millis(HistogramSnapshot snapshot, double p) {
        long total = snapshot.count();
        if (total == 0) {
            return 0;
        }
        double rank = p * total;
        double lowerBound = 0;
        double below = 0;
        for (CountAtBucket bucket : snapshot.histogramCounts()) {
            double upperBound = bucket.bucket(TimeUnit.MILLISECONDS);
            double cumulative = bucket.count();
            if (cumulative >= rank) {
                double inBucket = cumulative - below;
                double share = inBucket == 0 ? 1 : (rank - below) / inBucket;
                double estimate = lowerBound + (upperBound - lowerBound) * share;
                double max = snapshot.max(TimeUnit.MILLISECONDS); // decays to 0 when idle: then the bucket says it
                return max > 0 ? Math.min(estimate, max) : estimate;
            }
            lowerBound = upperBound;
            below = cumulative;
        }
        double max = snapshot.max(TimeUnit.MILLISECONDS);
        return max > 0 ? max : lowerBound;
    }
}

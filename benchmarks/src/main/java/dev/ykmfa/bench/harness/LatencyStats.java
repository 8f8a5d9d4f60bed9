package dev.ykmfa.bench.harness;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples (nanoseconds) and their summary: mean, median, p90, p99, max. Immutable after construction. */
public final class LatencyStats {
    private static final double NANOS_PER_MICRO = 1_000.0;
    private static final double P50 = 0.50;
    private static final double P90 = 0.90;
    private static final double P99 = 0.99;

    private final long[] sorted;

    /** @param samplesNanos the samples (copied and sorted) */
    public LatencyStats(long[] samplesNanos) {
        this.sorted = samplesNanos.clone();
        Arrays.sort(sorted);
    }

    /** @return how many samples */
    public int count() {
        return sorted.length;
    }

    /** @return the q-quantile in microseconds (nearest rank) */
    public double quantileMicros(double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / NANOS_PER_MICRO;
    }

    /** @return the mean in microseconds */
    public double meanMicros() {
        double sum = 0;
        for (long s : sorted) {
            sum += s;
        }
        return sorted.length == 0 ? Double.NaN : sum / sorted.length / NANOS_PER_MICRO;
    }

    /** @return the summary as JSON fields (no braces), microseconds */
    public String jsonFields() {
        return String.format(Locale.ROOT,
                "\"n\":%d,\"mean_us\":%.2f,\"p50_us\":%.2f,\"p90_us\":%.2f,\"p99_us\":%.2f,\"max_us\":%.2f",
                count(), meanMicros(), quantileMicros(P50), quantileMicros(P90), quantileMicros(P99),
                count() == 0 ? Double.NaN : sorted[sorted.length - 1] / NANOS_PER_MICRO);
    }
}

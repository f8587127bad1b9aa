package dev.leadqualification.benchmark.measure;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a set of durations, in milliseconds, by the nearest-rank method: the p-th percentile is the
 * smallest sample that at least p% of the samples do not exceed (so p99 of 100 samples is the 99th smallest).
 */
public record LatencySummary(int count, double p50, double p95, double p99, double max, double mean) {

    public static LatencySummary ofNanos(Collection<Long> durations) {
        if (durations.isEmpty()) {
            throw new IllegalArgumentException("No samples");
        }
        long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
        return new LatencySummary(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]),
                millis(Math.round(Arrays.stream(sorted).average().orElseThrow())));
    }

    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}

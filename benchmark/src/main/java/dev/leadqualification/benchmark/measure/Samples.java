package dev.leadqualification.benchmark.measure;

import java.util.ArrayList;
import java.util.List;

/** Durations collected by several threads at once. */
public final class Samples {

    private final List<Long> nanos = new ArrayList<>();

    public synchronized void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    /** The samples' summary, or null when there are none. */
    public synchronized LatencySummary summary() {
        return nanos.isEmpty() ? null : LatencySummary.ofNanos(nanos);
    }
}

package dev.leadqualification.benchmark.measure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencySummaryTest {

    private static final long MILLISECOND = 1_000_000;

    @Test
    void percentilesAreTheNearestRankOfTheSortedSamples() {
        List<Long> samples = new ArrayList<>();
        for (long ms = 1; ms <= 100; ms++) {
            samples.add(ms * MILLISECOND);
        }
        Collections.shuffle(samples);

        LatencySummary summary = LatencySummary.ofNanos(samples);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p95()).isEqualTo(95.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
        assertThat(summary.mean()).isEqualTo(50.5);
    }

    @Test
    void aFewSamplesRoundTheRankUp() {
        LatencySummary summary = LatencySummary.ofNanos(List.of(30 * MILLISECOND, 10 * MILLISECOND, 20 * MILLISECOND));

        assertThat(summary.p50()).isEqualTo(20.0);
        assertThat(summary.p95()).isEqualTo(30.0);
        assertThat(summary.p99()).isEqualTo(30.0);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        LatencySummary summary = LatencySummary.ofNanos(List.of(1_234_567L));

        assertThat(summary.p50()).isEqualTo(1.235);
        assertThat(summary.p99()).isEqualTo(1.235);
    }

    @Test
    void noSamplesHaveNoPercentiles() {
        assertThatThrownBy(() -> LatencySummary.ofNanos(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Samples().summary()).isNull();
    }
}

package dev.leadqualification.query.stream;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GapTrackerTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final GapTracker gaps = new GapTracker(Duration.ofSeconds(10));

    @Test
    void deliversUpToTheLastOfContiguousPositions() {
        assertThat(gaps.deliverableUpTo(4, new long[]{5, 6, 7}, 0)).isEqualTo(7);
        assertThat(gaps.deliverableUpTo(7, new long[]{}, SECOND)).isEqualTo(7);
    }

    @Test
    void stopsBeforeAMissingPositionUntilItAppears() {
        assertThat(gaps.deliverableUpTo(4, new long[]{5, 7, 8}, 0)).isEqualTo(5);
        assertThat(gaps.deliverableUpTo(5, new long[]{7, 8}, 9 * SECOND)).isEqualTo(5);
        assertThat(gaps.deliverableUpTo(5, new long[]{6, 7, 8}, 9 * SECOND)).isEqualTo(8);
    }

    @Test
    void takesAPositionAsNeverComingOnceItWasMissingForTheTimeout() {
        assertThat(gaps.deliverableUpTo(0, new long[]{1, 3, 4}, 0)).isEqualTo(1);
        assertThat(gaps.deliverableUpTo(1, new long[]{3, 4}, 10 * SECOND)).isEqualTo(4);
    }

    @Test
    void countsTheTimeoutFromWhenAHigherPositionWasFirstSeen() {
        assertThat(gaps.deliverableUpTo(0, new long[]{1, 3}, 0)).isEqualTo(1);
        // 2 and then 4 are missing: 2 since 0 s, 4 since 5 s (when 5 was first seen)
        assertThat(gaps.deliverableUpTo(1, new long[]{3, 5}, 5 * SECOND)).isEqualTo(1);
        assertThat(gaps.deliverableUpTo(1, new long[]{3, 5, 6}, 10 * SECOND)).isEqualTo(3);
        assertThat(gaps.deliverableUpTo(3, new long[]{5, 6}, 14 * SECOND)).isEqualTo(3);
        assertThat(gaps.deliverableUpTo(3, new long[]{5, 6}, 15 * SECOND)).isEqualTo(6);
    }

    @Test
    void aHoleThatPartlyFillsKeepsItsAge() {
        assertThat(gaps.deliverableUpTo(0, new long[]{1, 5}, 0)).isEqualTo(1);
        // 2 arrived, 3 and 4 are still missing since 0 s
        assertThat(gaps.deliverableUpTo(1, new long[]{2, 5, 6}, 9 * SECOND)).isEqualTo(2);
        assertThat(gaps.deliverableUpTo(2, new long[]{5, 6}, 10 * SECOND)).isEqualTo(6);
    }

    @Test
    void aPositionSeenEarlierDatesTheHolesBelowIt() {
        gaps.seen(100, -20 * SECOND);
        assertThat(gaps.deliverableUpTo(90, new long[]{91, 93, 100}, 0)).isEqualTo(100);
        gaps.seen(200, -5 * SECOND);
        assertThat(gaps.deliverableUpTo(190, new long[]{192, 200}, 0)).isEqualTo(190);
    }
}

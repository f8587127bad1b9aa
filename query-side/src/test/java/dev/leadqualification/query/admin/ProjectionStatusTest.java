package dev.leadqualification.query.admin;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a processor's segments make its position, lag and replay flag. */
class ProjectionStatusTest {

    @Test
    void theSlowestSegmentIsTheProcessorsPosition() {
        ProjectionStatus status = ProjectionStatus.of("lead-projection",
                List.of(new SegmentProgress(40, false), new SegmentProgress(25, false)), 50);

        assertThat(status).isEqualTo(new ProjectionStatus("lead-projection", 25, 50, 25, false));
    }

    @Test
    void aReplayIsRunningWhileAnySegmentReplaysBelowTheHead() {
        ProjectionStatus status = ProjectionStatus.of("lead-projection",
                List.of(new SegmentProgress(50, false), new SegmentProgress(30, true)), 50);

        assertThat(status.replaying()).isTrue();
        assertThat(status.lag()).isEqualTo(20);
    }

    /** DESIGN.md: Axon keeps the replay flag until the first event after the replay; the position decides. */
    @Test
    void aReplayThatReachedTheHeadIsFinishedThoughTheTokenStillSaysReplaying() {
        ProjectionStatus status = ProjectionStatus.of("lead-projection",
                List.of(new SegmentProgress(50, true), new SegmentProgress(50, true)), 50);

        assertThat(status.replaying()).isFalse();
        assertThat(status.lag()).isZero();
    }

    @Test
    void aProcessorWithoutSegmentsHasReadNothing() {
        assertThat(ProjectionStatus.of("new-projection", List.of(), 7))
                .isEqualTo(new ProjectionStatus("new-projection", 0, 7, 7, false));
        assertThat(ProjectionStatus.of("new-projection", List.of(), 0))
                .isEqualTo(new ProjectionStatus("new-projection", 0, 0, 0, false));
    }

    @Test
    void aStoredTokenGivesItsPositionAndWhetherItReplays() {
        TrackingToken live = GapAwareTrackingToken.newInstance(42, List.of());
        TrackingToken replaying = ReplayToken.createReplayToken(live, GapAwareTrackingToken.newInstance(3, List.of()));

        assertThat(SegmentProgress.of(live)).isEqualTo(new SegmentProgress(42, false));
        assertThat(SegmentProgress.of(replaying)).isEqualTo(new SegmentProgress(3, true));
        assertThat(SegmentProgress.of((TrackingToken) null)).isEqualTo(new SegmentProgress(0, false));
    }
}

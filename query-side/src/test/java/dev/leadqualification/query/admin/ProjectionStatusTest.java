package dev.leadqualification.query.admin;

import dev.leadqualification.platform.tokens.StoredTokens.StoredSegment;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import dev.leadqualification.query.admin.ProjectionStatus.SegmentOwner;
import dev.leadqualification.query.generation.Generation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a processor's segments make its position, lag and replay flag. */
class ProjectionStatusTest {

    @Test
    void theSlowestSegmentIsTheProcessorsPosition() {
        ProjectionStatus status = ProjectionStatus.of("lead-projection",
                Map.of(1, new SegmentProgress(25, false, null), 0, new SegmentProgress(40, false, "query-side/a")), 50);

        assertThat(status).isEqualTo(new ProjectionStatus("lead-projection", 25, 50, 25, false,
                List.of(new SegmentOwner(0, "query-side/a"), new SegmentOwner(1, null)), null, null));
    }

    @Test
    void aReplayIsRunningWhileAnySegmentReplaysBelowTheHead() {
        ProjectionStatus status = ProjectionStatus.of("lead-projection",
                Map.of(0, new SegmentProgress(50, false, null), 1, new SegmentProgress(30, true, null)), 50);

        assertThat(status.replaying()).isTrue();
        assertThat(status.lag()).isEqualTo(20);
    }

    /** DESIGN.md: Axon keeps the replay flag until the first event after the replay; the position decides. */
    @Test
    void aReplayThatReachedTheHeadIsFinishedThoughTheTokenStillSaysReplaying() {
        ProjectionStatus status = ProjectionStatus.of("lead-projection",
                Map.of(0, new SegmentProgress(50, true, null), 1, new SegmentProgress(50, true, null)), 50);

        assertThat(status.replaying()).isFalse();
        assertThat(status.lag()).isZero();
    }

    @Test
    void theReadModelsProcessorShowsItsGenerationAndTheRebuildOfTheNextWhichMakesItReplaying() {
        ProjectionStatus status = ProjectionStatus.of("read-models", Map.of(0, new SegmentProgress(50, false, null)), 50);
        Generation live = new Generation(3, "read_models_3", 1, Generation.State.LIVE, null, 0, null, 1, null, null);
        Generation next = new Generation(4, "read_models_4", 1, Generation.State.BUILDING,
                Generation.Phase.LOADING, 20, "query-side/b", 2, 12L, null);

        assertThat(status.keeping(live, null).generation()).isEqualTo(3);
        assertThat(status.keeping(live, null).replaying()).isFalse();
        ProjectionStatus rebuilding = status.keeping(live, next);
        assertThat(rebuilding.replaying()).isTrue();
        assertThat(rebuilding.rebuild()).isEqualTo(new ProjectionStatus.Rebuild(4, 20, 50, 30, "LOADING",
                "query-side/b", 2, 12L, 1, null));
    }

    @Test
    void aProcessorWithoutSegmentsHasReadNothing() {
        assertThat(ProjectionStatus.of("new-projection", Map.of(), 7))
                .isEqualTo(new ProjectionStatus("new-projection", 0, 7, 7, false, List.of(), null, null));
        assertThat(ProjectionStatus.of("new-projection", Map.of(), 0))
                .isEqualTo(new ProjectionStatus("new-projection", 0, 0, 0, false, List.of(), null, null));
    }

    @Test
    void aStoredTokenGivesItsPositionAndWhetherItReplays() {
        TrackingToken live = GapAwareTrackingToken.newInstance(42, List.of());
        TrackingToken replaying = ReplayToken.createReplayToken(live, GapAwareTrackingToken.newInstance(3, List.of()));

        assertThat(SegmentProgress.of(new StoredSegment(live, "query-side/a")))
                .isEqualTo(new SegmentProgress(42, false, "query-side/a"));
        assertThat(SegmentProgress.of(new StoredSegment(replaying, null))).isEqualTo(new SegmentProgress(3, true, null));
        assertThat(SegmentProgress.of(new StoredSegment(null, null))).isEqualTo(new SegmentProgress(0, false, null));
    }
}

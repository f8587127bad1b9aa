package dev.leadqualification.query.admin;

import dev.leadqualification.platform.tokens.StoredTokens;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * How far one segment of a processor has read: its token's position (0 before the first event) and replay flag, and
 * the instance that holds it ({@code null} while nobody does).
 */
public record SegmentProgress(long position, boolean replaying, String owner) {

    /** A segment this instance ({@code owner}) is processing. */
    public static SegmentProgress of(EventTrackerStatus status, String owner) {
        return new SegmentProgress(status.getCurrentPosition().orElse(0), status.isReplaying(), owner);
    }

    /** A segment as its stored token says (processed by another instance, or not at the moment). */
    public static SegmentProgress of(StoredTokens.StoredSegment stored) {
        TrackingToken token = stored.token();
        return new SegmentProgress(stored.position(), token != null && ReplayToken.isReplay(token), stored.owner());
    }
}

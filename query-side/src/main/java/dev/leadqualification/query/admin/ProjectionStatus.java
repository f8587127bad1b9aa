package dev.leadqualification.query.admin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far one event processor has read the event store. {@code position} is the global index its slowest
 * segment has reached, {@code headPosition} the last global index in the store (0 when empty), {@code lag} the
 * difference. {@code replaying} is true while a replay has not yet reached the head: Axon keeps flagging a token
 * as replaying until the first event after the replay arrives, so a replay that ended exactly at the head is
 * judged finished by its position (DESIGN.md).
 */
public record ProjectionStatus(String name, long position, long headPosition, long lag, boolean replaying,
                               List<SegmentOwner> segments) {

    /** Which instance holds one segment of the processor ({@code null} while none does). */
    public record SegmentOwner(int segment, String owner) {
    }

    /** Where the processor stands given its segments' progress by segment id; a processor without segments is at 0. */
    public static ProjectionStatus of(String name, Map<Integer, SegmentProgress> segments, long headPosition) {
        long position = segments.values().stream().mapToLong(SegmentProgress::position).min().orElse(0);
        boolean replaying = position < headPosition
                && segments.values().stream().anyMatch(SegmentProgress::replaying);
        List<SegmentOwner> owners = new TreeMap<>(segments).entrySet().stream()
                .map(segment -> new SegmentOwner(segment.getKey(), segment.getValue().owner())).toList();
        return new ProjectionStatus(name, position, headPosition, Math.max(0, headPosition - position), replaying,
                owners);
    }
}

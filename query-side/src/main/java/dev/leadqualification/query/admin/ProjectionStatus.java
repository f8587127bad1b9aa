package dev.leadqualification.query.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leadqualification.query.generation.Generation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far one event processor has read the event store. {@code position} is the global index its slowest
 * segment has reached, {@code headPosition} the last global index in the store (0 when empty), {@code lag} the
 * difference. The processor that keeps the read models shows the {@code generation} of them it keeps (the live one)
 * and, while a replay builds the next one, that {@code rebuild}; it is {@code replaying} while one is built.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectionStatus(String name, long position, long headPosition, long lag, boolean replaying,
                               List<SegmentOwner> segments, Long generation, Rebuild rebuild) {

    /** Which instance holds one segment of the processor ({@code null} while none does). */
    public record SegmentOwner(int segment, String owner) {
    }

    /**
     * The next generation being built (or whose build failed: {@code failure}): how far it has read the store,
     * in which {@code phase}, by which instance ({@code builder}), and whether an instance resumed it after its builder
     * died ({@code attempt} above 1, {@code resumedFrom} the position the last one resumed from; a rebuild resumes, it
     * never starts again from the first event).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rebuild(long generation, long position, long headPosition, long lag, String phase, String builder,
                          int attempt, Long resumedFrom, int schemaVersion, String failure) {

        static Rebuild of(Generation generation, long headPosition) {
            return new Rebuild(generation.number(), generation.position(), headPosition,
                    Math.max(0, headPosition - generation.position()),
                    generation.phase() == null ? null : generation.phase().name(), generation.builder(),
                    generation.attempt(), generation.resumedFrom(), generation.schemaVersion(), generation.failure());
        }
    }

    /** Where the processor stands given its segments' progress by segment id; a processor without segments is at 0. */
    public static ProjectionStatus of(String name, Map<Integer, SegmentProgress> segments, long headPosition) {
        long position = segments.values().stream().mapToLong(SegmentProgress::position).min().orElse(0);
        boolean replaying = position < headPosition
                && segments.values().stream().anyMatch(SegmentProgress::replaying);
        List<SegmentOwner> owners = new TreeMap<>(segments).entrySet().stream()
                .map(segment -> new SegmentOwner(segment.getKey(), segment.getValue().owner())).toList();
        return new ProjectionStatus(name, position, headPosition, Math.max(0, headPosition - position), replaying,
                owners, null, null);
    }

    /** This status of the processor that keeps the read models: {@code live} generation and the {@code rebuild}. */
    ProjectionStatus keeping(Generation live, Generation rebuild) {
        boolean building = rebuild != null && rebuild.state() == Generation.State.BUILDING;
        return new ProjectionStatus(name, position, headPosition, lag, replaying || building, segments, live.number(),
                rebuild == null ? null : Rebuild.of(rebuild, headPosition));
    }
}

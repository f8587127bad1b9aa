package dev.leadqualification.query.admin;

import dev.leadqualification.platform.instances.ServiceInstance;
import dev.leadqualification.platform.tokens.StoredTokens;
import dev.leadqualification.query.generation.Generation;
import dev.leadqualification.query.generation.Generations;
import dev.leadqualification.query.readmodel.ProjectionConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The query side's streaming processors and how far each has read the event store. */
@Component
public class ProjectionPositions {

    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final JdbcTemplate jdbc;
    private final EventSchema eventSchema;
    private final ServiceInstance self;
    private final Generations generations;

    public ProjectionPositions(EventProcessingConfiguration processing, StoredTokens storedTokens, JdbcTemplate jdbc,
                               EventSchema eventSchema, ServiceInstance self, Generations generations) {
        this.processing = processing;
        this.generations = generations;
        this.self = self;
        this.storedTokens = storedTokens;
        this.jdbc = jdbc;
        this.eventSchema = eventSchema;
    }

    /** Every streaming processor of this service, by name. */
    public List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(EventProcessor::getName))
                .toList();
    }

    /**
     * The status of every processor, by name. Positions are read before the head, so that a lag is never
     * negative while events are being appended. The read models' processor shows their generations.
     */
    public List<ProjectionStatus> statuses() {
        Generation rebuild = generations.lastRebuild().orElse(null);
        Generation live = generations.live();
        List<Progress> progress = processors().stream()
                .map(processor -> new Progress(processor.getName(), segments(processor)))
                .toList();
        long head = headPosition();
        return progress.stream().map(processor -> {
            ProjectionStatus status = ProjectionStatus.of(processor.name(), processor.segments(), head);
            return processor.name().equals(ProjectionConfiguration.PROCESSOR) ? status.keeping(live, rebuild) : status;
        }).toList();
    }

    private record Progress(String name, Map<Integer, SegmentProgress> segments) {
    }

    /**
     * Each segment's progress: as this instance is processing it where it does (fresher than the stored token),
     * else as stored (another instance has it, or nobody at the moment, e.g. during a restart).
     */
    private Map<Integer, SegmentProgress> segments(StreamingEventProcessor processor) {
        Map<Integer, SegmentProgress> segments = new TreeMap<>(storedProgress(processor.getName()));
        processor.processingStatus().forEach((segment, status) ->
                segments.put(segment, SegmentProgress.of(status, self.name())));
        return segments;
    }

    /** Each segment of {@code processorName} as its stored token says. */
    public Map<Integer, SegmentProgress> storedProgress(String processorName) {
        Map<Integer, SegmentProgress> segments = new TreeMap<>();
        storedTokens.segments(processorName)
                .forEach((segment, stored) -> segments.put(segment, SegmentProgress.of(stored)));
        return segments;
    }

    /** The global index of the last event in the store, 0 when it is empty. */
    public long headPosition() {
        Long head = jdbc.queryForObject("SELECT max(" + eventSchema.globalIndexColumn() + ") FROM "
                + eventSchema.domainEventTable(), Long.class);
        return head == null ? 0 : head;
    }
}

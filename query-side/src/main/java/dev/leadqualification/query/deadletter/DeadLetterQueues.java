package dev.leadqualification.query.deadletter;

import dev.leadqualification.platform.web.ApiProblem;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The processing groups of this service that park failing events, with their queues and the processors that retry
 * them. The groups are the projections, which share one event processor ({@code ProjectionConfiguration}), so they
 * are found by their dead-letter settings ({@code axon.eventhandling.processors.<group>.dlq}), not by processor.
 */
@Component
public class DeadLetterQueues {

    private final EventProcessingConfiguration processing;
    private final EventProcessorProperties settings;

    public DeadLetterQueues(EventProcessingConfiguration processing, EventProcessorProperties settings) {
        this.processing = processing;
        this.settings = settings;
    }

    /** The groups with a dead-letter queue, by name. */
    public List<String> groups() {
        return settings.getProcessors().keySet().stream()
                .filter(group -> processing.deadLetterQueue(group).isPresent())
                .sorted()
                .toList();
    }

    /** The group's queue; 404 {@code not-found} for a group that has none. */
    public SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> unknown(group));
    }

    /** What processes the group's parked events with its handlers; 404 {@code not-found} as for {@link #queue}. */
    public SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        return processing.sequencedDeadLetterProcessor(group).orElseThrow(() -> unknown(group));
    }

    private static ApiProblem unknown(String group) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found",
                "No processing group named " + group + " parks events.");
    }
}

package dev.leadqualification.query.readmodel;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings every projection shares. */
@Configuration
public class ProjectionConfiguration {

    /**
     * The one event processor that runs every projection ({@code axon.eventhandling.processors.read-models}).
     * <p>
     * Each projection stays a processing group of its own, with its own dead-letter queue, so that an event one
     * projection cannot apply is parked for that projection alone. But all of them are fed by a single read of the
     * event store: with a processor per projection, each read and parsed every event of the store, and in a replay
     * the query side spent about half of its CPU reading and handing out events that four of the five processors
     * then skipped (async-profiler).
     */
    public static final String PROCESSOR = "read-models";

    /**
     * Axon's default logs a failing event handler and moves on, which would leave a read table silently
     * without that event. Propagating the failure makes the processor roll back the batch and retry it later.
     * A processing group with a dead-letter queue (every projection: see {@code query.deadletter}) parks an event
     * that keeps failing instead.
     */
    @Bean
    public ConfigurerModule projectionsInOneProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .assignProcessingGroup(group -> PROCESSOR)
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }
}

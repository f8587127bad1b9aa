package dev.leadqualification.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.springboot.EventProcessorProperties;

/**
 * {@code leads.dead.letters}: the events parked in each processing group's dead-letter queue, tagged
 * {@code processing.group}, read from the queue (one count in the database) at each scrape. The queues are shared
 * by every instance, so each reports the same figure: take the maximum over instances.
 */
class DeadLetterMeters {

    private final EventProcessingConfiguration processing;
    private final EventProcessorProperties settings;

    DeadLetterMeters(EventProcessingConfiguration processing, EventProcessorProperties settings) {
        this.processing = processing;
        this.settings = settings;
    }

    /** The groups are those configured with a queue ({@code axon.eventhandling.processors.<group>.dlq}). */
    void bindTo(MeterRegistry registry) {
        settings.getProcessors().keySet().forEach(group -> processing.deadLetterQueue(group).ifPresent(queue ->
                Gauge.builder("leads.dead.letters", queue, q -> q.size())
                        .description("Events parked because a handler of the group failed on them")
                        .tag("processing.group", group).register(registry)));
    }
}

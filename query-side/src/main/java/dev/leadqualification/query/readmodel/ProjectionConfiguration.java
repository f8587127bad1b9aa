package dev.leadqualification.query.readmodel;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings every projection shares. */
@Configuration
public class ProjectionConfiguration {

    /**
     * Axon's default logs a failing event handler and moves on, which would leave a read table silently
     * without that event. Propagating the failure makes the processor roll back the batch and retry it later.
     * A processing group with a dead-letter queue (every projection: see {@code query.deadletter}) parks an event
     * that keeps failing instead.
     */
    @Bean
    public ConfigurerModule propagateProjectionFailures() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }
}

package dev.leadqualification.platform.processing;

import dev.leadqualification.platform.fence.ConditionalOnAxonExtension;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Takes the place of Axon's event processing module (which steps back for any other), unless
 * {@code leads.axon-extensions.streamlined-processing.enabled=false}.
 */
@AutoConfiguration(before = EventProcessingAutoConfiguration.class)
public class EventProcessingModuleConfiguration {

    @Bean
    @ConditionalOnAxonExtension(StreamlinedEventProcessingModule.NAME)
    public EventProcessingModule eventProcessingModule() {
        return new StreamlinedEventProcessingModule();
    }
}

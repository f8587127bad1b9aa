package dev.leadqualification.platform.processing;

import org.axonframework.config.EventProcessingModule;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Takes the place of Axon's event processing module (which steps back for any other). */
@AutoConfiguration(before = EventProcessingAutoConfiguration.class)
public class EventProcessingModuleConfiguration {

    @Bean
    public EventProcessingModule eventProcessingModule() {
        return new StreamlinedEventProcessingModule();
    }
}

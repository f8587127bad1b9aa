package dev.leadqualification.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;

/**
 * Axon's message timers ({@code axon-micrometer}'s {@link MessageTimerMonitor}) on the command bus, tagged with the
 * command type, and on every event processor, tagged with the processor and the event type; named by
 * {@link AxonMeterNames}. Axon's auto-configured set ({@code axon.metrics.auto-configuration}) is off: besides these
 * timers it registers, for every message, five counters the timers duplicate, a capacity gauge and a latency gauge,
 * which made monitoring an event cost several times what the timers alone do. The timers keep no client-side
 * percentiles (Axon asks for six, computed on every message, and not aggregable across instances): Prometheus derives
 * rates and mean latencies from their count and sum.
 */
class AxonMessageTimers implements ConfigurerModule {

    static final String COMMAND_BUS = "axon.command.bus";
    static final String EVENT_PROCESSOR = "axon.event.processor";

    private final MeterRegistry registry;

    AxonMessageTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> this::monitor);
    }

    @SuppressWarnings("unchecked")
    private MessageMonitor<Message<?>> monitor(Class<?> componentType, String componentName) {
        if (CommandBus.class.isAssignableFrom(componentType)) {
            return timers(COMMAND_BUS, Tags.empty());
        }
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return timers(EVENT_PROCESSOR, Tags.of("processor", componentName));
        }
        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) NoOpMessageMonitor.instance();
    }

    private MessageMonitor<Message<?>> timers(String prefix, Tags tags) {
        return MessageTimerMonitor.builder()
                .meterNamePrefix(prefix)
                .meterRegistry(registry)
                .tagsBuilder(message -> tags.and("payload.type", message.getPayloadType().getSimpleName()))
                .timerCustomization(timer -> timer.publishPercentiles())
                .build();
    }
}

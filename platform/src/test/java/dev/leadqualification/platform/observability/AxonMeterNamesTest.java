package dev.leadqualification.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's own monitors, as Spring Boot's auto-configuration builds them (dimensional), seen through the filter. */
class AxonMeterNamesTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final GlobalMetricRegistry axon = new GlobalMetricRegistry(registry);

    AxonMeterNamesTest() {
        registry.config().meterFilter(new AxonMeterNames());
    }

    record QualifyLead(String leadId) {
    }

    record LeadQualified(String leadId) {
    }

    @Test
    void commandsAreTimedByTypeAndOutcomeUnderOneConventionalName() {
        MessageMonitor<Message<?>> commandBus = monitor(CommandBus.class, "commandBus");

        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new QualifyLead("1"))).reportSuccess();
        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new QualifyLead("2")))
                .reportFailure(new IllegalStateException("refused"));

        assertThat(timer("axon.command.bus.handling", "outcome", "success", "payload.type", "QualifyLead").count())
                .isEqualTo(1);
        assertThat(timer("axon.command.bus.handling", "outcome", "failure", "payload.type", "QualifyLead").count())
                .isEqualTo(1);
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .allMatch(name -> name.equals("axon.command.bus.handling"));
    }

    @Test
    void eventHandlingIsTimedPerProcessorAndTheRedundantMetersAreDropped() {
        MessageMonitor<Message<?>> processor = monitor(EventProcessor.class, "read-models");

        processor.onMessageIngested(GenericEventMessage.asEventMessage(new LeadQualified("1"))).reportSuccess();

        Timer handled = timer("axon.event.processor.handling", "outcome", "success", "payload.type", "LeadQualified",
                "processor", "read-models");
        assertThat(handled.count()).isEqualTo(1);
        assertThat(handled.takeSnapshot().percentileValues()).isEmpty();
        assertThat(registry.getMeters()).extracting(Meter::getId)
                .allMatch(id -> id.getName().equals("axon.event.processor.handling"));
    }

    @SuppressWarnings("unchecked")
    private MessageMonitor<Message<?>> monitor(Class<?> component, String name) {
        return (MessageMonitor<Message<?>>) axon.registerComponentWithDefaultTags(component, name);
    }

    private Timer timer(String name, String... tags) {
        return registry.get(name).tags(tags).timer();
    }
}

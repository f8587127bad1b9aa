package dev.leadqualification.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitors Axon's configuration hands its components, seen through {@link AxonMeterNames}. */
class AxonMessageTimersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Configuration configuration;

    AxonMessageTimersTest() {
        registry.config().meterFilter(new AxonMeterNames());
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new AxonMessageTimers(registry).configureModule(configurer);
        configuration = configurer.buildConfiguration();
    }

    record QualifyLead(String leadId) {
    }

    record LeadQualified(String leadId) {
    }

    @Test
    void commandsAreTimedByTypeAndOutcomeUnderOneConventionalName() {
        MessageMonitor<?> commandBus = configuration.messageMonitor(CommandBus.class, "commandBus");

        ingest(commandBus, GenericCommandMessage.asCommandMessage(new QualifyLead("1"))).reportSuccess();
        ingest(commandBus, GenericCommandMessage.asCommandMessage(new QualifyLead("2")))
                .reportFailure(new IllegalStateException("refused"));

        assertThat(timer("axon.command.bus.handling", "outcome", "success", "payload.type", "QualifyLead").count())
                .isEqualTo(1);
        assertThat(timer("axon.command.bus.handling", "outcome", "failure", "payload.type", "QualifyLead").count())
                .isEqualTo(1);
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .containsOnly("axon.command.bus.handling");
    }

    @Test
    void eventHandlingIsTimedPerProcessorWithoutPercentiles() {
        MessageMonitor<?> processor = configuration.messageMonitor(EventProcessor.class, "read-models");

        ingest(processor, GenericEventMessage.asEventMessage(new LeadQualified("1"))).reportSuccess();

        Timer handled = timer("axon.event.processor.handling", "outcome", "success", "payload.type", "LeadQualified",
                "processor", "read-models");
        assertThat(handled.count()).isEqualTo(1);
        assertThat(handled.takeSnapshot().percentileValues()).isEmpty();
        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .containsOnly("axon.event.processor.handling");
    }

    @Test
    void otherComponentsAreNotMonitored() {
        assertThat(configuration.messageMonitor(EventBus.class, "eventStore")).isSameAs(NoOpMessageMonitor.instance());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor.MonitorCallback ingest(MessageMonitor monitor, Object message) {
        return monitor.onMessageIngested((Message<?>) message);
    }

    private Timer timer(String name, String... tags) {
        return registry.get(name).tags(tags).timer();
    }
}

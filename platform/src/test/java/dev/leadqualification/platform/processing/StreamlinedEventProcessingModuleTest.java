package dev.leadqualification.platform.processing;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Processors built by the module hand each event to exactly the processing groups that handle its type, once, in
 * the segment its aggregate belongs to, and in a replay only to the groups that allow one: as Axon's own do.
 */
class StreamlinedEventProcessingModuleTest {

    // 1,500 events: more than a work package queues (1,024), so that the coordinator also waits for space
    private static final int AGGREGATES = 500;

    interface RecordEvent {
        String id();
    }

    record Opened(String id) implements RecordEvent {
    }

    record Renamed(String id, String name) implements RecordEvent {
    }

    /** A type no group handles. */
    record Audited(String id) implements RecordEvent {
    }

    @ProcessingGroup("names")
    static class Names {
        final Queue<Object> seen = new ConcurrentLinkedQueue<>();
        final AtomicInteger resets = new AtomicInteger();

        @EventHandler
        void on(Opened event) {
            seen.add(event);
        }

        @EventHandler
        void on(Renamed event) {
            seen.add(event);
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
            seen.clear();
        }
    }

    @ProcessingGroup("notifications")
    @DisallowReplay
    static class Notifications {
        final Queue<Object> seen = new ConcurrentLinkedQueue<>();

        @EventHandler
        void on(Opened event) {
            seen.add(event);
        }
    }

    private final Names names = new Names();
    private final Notifications notifications = new Notifications();
    private Configuration configuration;

    @BeforeEach
    void start() {
        var configurer = DefaultConfigurer.defaultConfiguration();
        configurer.registerModule(new StreamlinedEventProcessingModule())
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor("both", Configuration::eventStore,
                        (config, builder) -> builder.initialSegmentCount(2).batchSize(50))
                .assignProcessingGroup(group -> "both")
                .registerEventHandler(config -> names)
                .registerEventHandler(config -> notifications);
        configuration = configurer.start();
    }

    @AfterEach
    void stop() {
        configuration.shutdown();
    }

    @Test
    void eachGroupGetsTheEventsOfTheTypesItHandlesOnce() {
        List<Object> published = publishThreeEventsPerAggregate();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(names.seen).containsExactlyInAnyOrderElementsOf(
                    published.stream().filter(e -> !(e instanceof Audited)).toList());
            assertThat(notifications.seen).containsExactlyInAnyOrderElementsOf(
                    published.stream().filter(Opened.class::isInstance).toList());
        });
    }

    @Test
    void aReplayReachesOnlyTheGroupsThatAllowOne() {
        List<Object> published = publishThreeEventsPerAggregate();
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.seen.size() == AGGREGATES);
        PooledStreamingEventProcessor processor = configuration.eventProcessingConfiguration()
                .eventProcessor("both", PooledStreamingEventProcessor.class).orElseThrow();

        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(names.seen)
                .containsExactlyInAnyOrderElementsOf(published.stream().filter(e -> !(e instanceof Audited)).toList()));
        assertThat(names.resets).hasValue(1);
        assertThat(notifications.seen).hasSize(AGGREGATES);
    }

    @Test
    void inASpringBootApplicationItTakesThePlaceOfAxonsModule() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EventProcessingAutoConfiguration.class,
                        EventProcessingModuleConfiguration.class))
                .run(context -> assertThat(context.getBeansOfType(EventProcessingModule.class).values())
                        .singleElement().isInstanceOf(StreamlinedEventProcessingModule.class));
    }

    @Test
    void switchedOffAxonsOwnModuleRuns() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EventProcessingAutoConfiguration.class,
                        EventProcessingModuleConfiguration.class))
                .withPropertyValues("leads.axon-extensions.streamlined-processing.enabled=false")
                .run(context -> assertThat(context.getBeansOfType(EventProcessingModule.class).values())
                        .singleElement().isNotInstanceOf(StreamlinedEventProcessingModule.class));
    }

    private List<Object> publishThreeEventsPerAggregate() {
        List<RecordEvent> payloads = IntStream.range(0, AGGREGATES).mapToObj(i -> "record-" + i)
                .<RecordEvent>mapMulti((id, out) -> {
                    out.accept(new Opened(id));
                    out.accept(new Audited(id));
                    out.accept(new Renamed(id, "name of " + id));
                })
                .toList();
        configuration.eventStore().publish(IntStream.range(0, payloads.size())
                .mapToObj(i -> new GenericDomainEventMessage<>("Record", payloads.get(i).id(), i % 3,
                        payloads.get(i)))
                .toList());
        return List.copyOf(payloads);
    }
}

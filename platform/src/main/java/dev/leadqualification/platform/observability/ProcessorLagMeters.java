package dev.leadqualification.platform.observability;

import dev.leadqualification.platform.tokens.StoredTokens;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How far each streaming processor of this service is behind the event store, as gauges read at each scrape:
 * {@code leads.processor.lag} (events between the head of the store and the position of the processor's slowest
 * segment) and {@code leads.processor.lag.time} (seconds since the oldest event it has not handled was stored; 0
 * when it has handled all). Both tagged {@code processor}.
 * <p>
 * The positions are those of the token table, so every instance reports the processor as a whole, whichever
 * instance holds which segment (or none, while a dead instance's claims expire): take the maximum over instances,
 * not the sum. A segment this instance processes is taken at its in-memory position, fresher than the stored one.
 * The figures are read once per scrape (both gauges of all processors), with three short queries per processor.
 */
class ProcessorLagMeters {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final StoredTokens tokens;
    private final EventSchema events;
    /** Now, by the clock the events were stamped by, so that an event's age does not depend on this host's clock. */
    private final Supplier<Instant> now;
    private final Map<String, Lag> lags = new ConcurrentHashMap<>();

    ProcessorLagMeters(EventProcessingConfiguration processing, JdbcTemplate jdbc, StoredTokens tokens,
                       EventSchema events, Supplier<Instant> now) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.events = events;
        this.now = now;
    }

    /** Registers the gauges of every streaming processor; called once the processors exist. */
    void bindTo(MeterRegistry registry) {
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> {
                    Gauge.builder("leads.processor.lag", processor, p -> lag(p).events())
                            .description("Events stored that the processor has not handled yet")
                            .baseUnit("events").tag("processor", processor.getName()).register(registry);
                    Gauge.builder("leads.processor.lag.time", processor, p -> lag(p).seconds())
                            .description("Age of the oldest stored event the processor has not handled yet")
                            .baseUnit("seconds").tag("processor", processor.getName()).register(registry);
                });
    }

    private record Lag(long events, double seconds, Instant measuredAt) {
    }

    private Lag lag(StreamingEventProcessor processor) {
        Instant now = this.now.get();
        return lags.compute(processor.getName(), (name, known) ->
                known != null && known.measuredAt().plus(FRESH).isAfter(now) ? known : measure(processor, now));
    }

    private Lag measure(StreamingEventProcessor processor, Instant now) {
        Map<Integer, Long> positions = new HashMap<>();
        tokens.segments(processor.getName()).forEach((segment, stored) -> positions.put(segment, stored.position()));
        processor.processingStatus().forEach((segment, status) ->
                positions.put(segment, status.getCurrentPosition().orElse(0)));
        long position = positions.values().stream().mapToLong(Long::longValue).min().orElse(0);
        // read after the positions, so that a lag is never negative while events are appended
        Long head = jdbc.queryForObject("SELECT max(" + events.globalIndexColumn() + ") FROM "
                + events.domainEventTable(), Long.class);
        long behind = head == null ? 0 : Math.max(0, head - position);
        if (behind == 0) {
            return new Lag(0, 0, now);
        }
        List<String> oldest = jdbc.queryForList("SELECT " + events.timestampColumn() + " FROM "
                + events.domainEventTable() + " WHERE " + events.globalIndexColumn() + " > ? ORDER BY "
                + events.globalIndexColumn() + " LIMIT 1", String.class, position);
        double seconds = oldest.isEmpty() ? 0
                : Math.max(0, Duration.between(Instant.parse(oldest.get(0)), now).toMillis() / 1000.0);
        return new Lag(behind, seconds, now);
    }
}

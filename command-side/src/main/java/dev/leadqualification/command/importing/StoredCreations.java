package dev.leadqualification.command.importing;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first event (sequence 0) of every record that already exists under one of many ids, read from the event
 * store with one query and deserialized (and upcast) as Axon reads events, so that an import can tell a record
 * it created before from another record under the same id.
 */
@Component
class StoredCreations {

    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final String sql;

    StoredCreations(JdbcTemplate jdbc, Configuration axon, EventSchema schema) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.sql = "SELECT %s FROM %s WHERE %s = ANY (CAST(? AS varchar[])) AND %s = 0".formatted(
                String.join(", ", schema.typeColumn(), schema.aggregateIdentifierColumn(),
                        schema.sequenceNumberColumn(), schema.eventIdentifierColumn(), schema.timestampColumn(),
                        schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                        schema.metaDataColumn()),
                schema.domainEventTable(), schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn());
    }

    /** Record id to the event that created it, for those of {@code ids} that are taken. */
    Map<String, DomainEventMessage<?>> of(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<DomainEventData<byte[]>> stored = jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            return statement;
        }, (row, n) -> new GenericDomainEventEntry<>(row.getString(1), row.getString(2), row.getLong(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getBytes(8),
                row.getBytes(9)));
        Map<String, DomainEventMessage<?>> created = new HashMap<>();
        EventStreamUtils.upcastAndDeserializeDomainEvents(stored.stream(), axon.eventSerializer(), axon.upcasterChain())
                .forEachRemaining(event -> created.put(event.getAggregateIdentifier(), event));
        return created;
    }
}

package dev.leadqualification.command.eventstore;

import dev.leadqualification.command.CommandSideTest;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.account.CreateAccount;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store on a real PostgreSQL: the schema Flyway gives it, as DESIGN.md requires it, and how aggregates are
 * read from it.
 */
class EventStoreSchemaTest extends CommandSideTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventStore eventStore;

    /** Nothing here takes snapshots, so loading an aggregate does not ask for one (one query instead of two). */
    @Test
    void aggregatesAreReadFromTheirEventsWithoutLookingForASnapshot() {
        String accountId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateAccount(accountId, new AccountDetails("Snapshot GmbH", null, null, null, null), null,
                false, "sam"));
        // a row that would be read as the account's snapshot if the snapshot table were consulted
        jdbc.update("""
                INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT aggregate_identifier, sequence_number, 'Account', event_identifier, meta_data, payload,
                    payload_revision, payload_type, time_stamp
                FROM domain_event_entry WHERE aggregate_identifier = ?""", accountId);

        assertThat(storageEngine.readSnapshot(accountId)).isEmpty();
        assertThat(eventStore.readEvents(accountId).asStream().<Object>map(DomainEventMessage::getPayloadType))
                .containsExactly(AccountCreated.class);
        assertThatThrownBy(() -> storageEngine.storeSnapshot(eventStore.readEvents(accountId).next()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** An accepted command's events are on disk when it is answered (the query side may commit lazily, not this). */
    @Test
    void commitsWaitForTheDisk() {
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void binaryColumnsAreByteaNotLargeObjects() {
        List<Map<String, Object>> binaryColumns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public'
                  AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga')""");
        assertThat(binaryColumns).hasSize(6)
                .allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
    }

    @Test
    void globalIndexComesFromASequenceWithoutPreallocatedBlocks() {
        Map<String, Object> sequence = jdbc.queryForMap("""
                SELECT s.increment_by, s.cache_size FROM pg_sequences s
                WHERE s.sequencename = pg_get_serial_sequence('domain_event_entry', 'global_index')::regclass::text
                   OR s.schemaname || '.' || s.sequencename = pg_get_serial_sequence('domain_event_entry', 'global_index')""");
        assertThat(sequence).containsEntry("increment_by", 1L).containsEntry("cache_size", 1L);
    }

    @Test
    void sagaAssociationsAreIndexedForLookupBySagaAndByValue() {
        List<String> indexes = jdbc.queryForList(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'association_value_entry'", String.class);
        assertThat(indexes)
                .anySatisfy(index -> assertThat(index).contains("(saga_type, association_key, association_value)"))
                .anySatisfy(index -> assertThat(index).contains("(saga_id, saga_type)"));
    }
}

package dev.leadqualification.platform.eventstore;

import dev.leadqualification.platform.fence.AxonExtension;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.stream.Stream;

/**
 * Axon's JDBC storage engine for a store that holds no snapshots: loading an aggregate reads its events without
 * first asking the snapshot table, one query instead of two for every command. No aggregate here is snapshotted
 * (each holds a handful of events, and no snapshotter is configured); storing a snapshot is refused rather than
 * written where it would never be read.
 */
@AxonExtension(name = SnapshotFreeJdbcEventStorageEngine.NAME, reliesOn = {
        "JdbcEventStorageEngine reads an aggregate's snapshot through its protected readSnapshotData, and an empty"
                + " stream there means: load every event",
        "Nothing but a configured snapshotter calls storeSnapshot, and none is configured"})
public class SnapshotFreeJdbcEventStorageEngine extends JdbcEventStorageEngine {

    public static final String NAME = "snapshot-free-storage";

    public SnapshotFreeJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        throw new UnsupportedOperationException("This event store keeps no snapshots; nothing would read them");
    }
}

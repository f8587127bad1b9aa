package dev.leadqualification.query.readmodel;

import java.util.UUID;

/**
 * A projection whose rows of one record can be rebuilt from that record's events alone: an as-of read deletes them
 * ({@link #forget}) and hands the record's events to the projection's own handlers.
 */
public interface RebuildableProjection {

    /** Deletes the record's rows (through {@link ProjectionWrites}), so that its events can be applied afresh. */
    void forget(UUID recordId);
}

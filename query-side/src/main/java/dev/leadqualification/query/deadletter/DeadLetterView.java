package dev.leadqualification.query.deadletter;

import java.time.Instant;

/**
 * One parked event as {@code GET /api/admin/dead-letters} shows it: its processing group, the sequence it holds up
 * (the aggregate's id), the event (id, type as its simple class name, aggregate, position in the event store), why
 * it was parked ({@code cause}; null for an event parked only because an earlier one of its sequence is), when it was
 * parked and last tried. Never the event's payload.
 */
public record DeadLetterView(String processingGroup, String sequenceIdentifier, String eventIdentifier,
                             String eventType, String aggregateIdentifier, Long position, Cause cause,
                             Instant enqueuedAt, Instant lastTouched) {

    /** The failure's exception type and message (at most 1,023 characters). */
    public record Cause(String type, String message) {
    }
}

package dev.leadqualification.query.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event of a lead's history: its sequence number, its type (the payload's simple class name), when it
 * happened, who acted and which request it belongs to (from its metadata), and its payload as JSON.
 */
public record HistoryEntry(long sequence, String type, Instant occurredAt, String actor, String correlationId,
                           JsonNode data) {
}

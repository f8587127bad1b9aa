package dev.leadqualification.command.importing;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the screening of one batch decided: each line's outcome, the creation events of the new records, and the
 * records the batch accepts (new or found stored already), which later lines must not repeat or duplicate until
 * the batch is written.
 */
final class BatchPlan<D> {

    /** A record the batch accepts, as a later line may duplicate it. */
    record Accepted<D>(String id, D details, Instant createdAt) {
    }

    final List<Candidate<D>> candidates;
    final List<LineOutcome> outcomes = new ArrayList<>();
    final List<DomainEventMessage<?>> events = new ArrayList<>();
    /** Id to line of every record the batch accepts. */
    final Map<String, Integer> acceptedLines = new HashMap<>();
    /** The new records by "rule id, code" under the rules in effect, for duplicate checks of later lines. */
    final Map<String, List<Accepted<D>>> acceptedByCode = new HashMap<>();

    BatchPlan(List<Candidate<D>> candidates) {
        this.candidates = candidates;
    }

    /** A plan of no records, for the first batch (nothing written before it in this import). */
    static <D> BatchPlan<D> none() {
        return new BatchPlan<>(List.of());
    }
}

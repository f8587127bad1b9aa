package dev.leadqualification.command.opportunity;

import java.util.Collection;
import java.util.Set;

/**
 * Which opportunities are open, as the event store holds them at the moment of asking (the lead's disqualify rule
 * depends on it).
 */
@FunctionalInterface
public interface OpenOpportunities {

    /** Those of {@code opportunityIds} that are open; an id that names no opportunity is not open. */
    Set<String> among(Collection<String> opportunityIds);
}

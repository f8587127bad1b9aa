package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a won or lost opportunity again. */
public record ReopenOpportunity(@TargetAggregateIdentifier String opportunityId) implements OwnerOnly {
}

package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the opportunity to another owner (a user name). */
public record AssignOpportunity(@TargetAggregateIdentifier String opportunityId, String ownerId) implements OwnerOnly {
}

package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the lead to another owner (a user name). */
public record AssignLead(@TargetAggregateIdentifier String leadId, String ownerId) implements OwnerOnly {
}

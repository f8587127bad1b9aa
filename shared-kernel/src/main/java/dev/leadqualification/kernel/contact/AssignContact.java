package dev.leadqualification.kernel.contact;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the contact to another owner (a user name). */
public record AssignContact(@TargetAggregateIdentifier String contactId, String ownerId) implements OwnerOnly {
}

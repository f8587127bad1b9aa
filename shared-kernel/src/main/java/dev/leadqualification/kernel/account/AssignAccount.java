package dev.leadqualification.kernel.account;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the account to another owner (a user name). */
public record AssignAccount(@TargetAggregateIdentifier String accountId, String ownerId) implements OwnerOnly {
}

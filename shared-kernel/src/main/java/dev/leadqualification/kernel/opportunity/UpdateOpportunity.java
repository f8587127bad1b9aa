package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Changes some fields of an open opportunity (a JSON merge patch): the fields named in {@code changedFields} take
 * their value from {@code values}, where {@code null} clears the field; all other fields keep theirs.
 */
public record UpdateOpportunity(@TargetAggregateIdentifier String opportunityId, OpportunityEdits values,
                                Set<String> changedFields) implements OwnerOnly {
}

package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Changes some fields of a lead (a JSON merge patch): the fields named in {@code changedFields} take their
 * value from {@code values}, where {@code null} clears the field; all other fields keep theirs.
 */
public record UpdateLead(@TargetAggregateIdentifier String leadId, LeadDetails values, Set<String> changedFields)
        implements OwnerOnly {
}

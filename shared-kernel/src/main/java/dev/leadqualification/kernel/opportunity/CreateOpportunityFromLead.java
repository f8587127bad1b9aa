package dev.leadqualification.kernel.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Creates the opportunity a qualification decided and carries the lead's notes onto it. Safe to send again:
 * an existing opportunity from the same lead only receives the notes it does not have yet. Owned by {@code ownerId}.
 */
public record CreateOpportunityFromLead(@TargetAggregateIdentifier String opportunityId, OpportunityDetails details,
                                        Customer customer, String accountId, String contactId,
                                        String originatingLeadId, List<String> noteIds, String ownerId) {
}

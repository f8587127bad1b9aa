package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.common.ProcessStage;
import org.axonframework.serialization.Revision;

/** An opportunity came into being from a qualified lead; the sales process is at {@code processStage}. */
@Revision("1")
public record OpportunityCreated(String opportunityId, OpportunityDetails details, Customer customer,
                                 String accountId, String contactId, String originatingLeadId,
                                 ProcessStage processStage) {
}

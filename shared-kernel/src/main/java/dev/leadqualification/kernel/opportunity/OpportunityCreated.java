package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.common.ProcessStage;
import org.axonframework.serialization.Revision;

/**
 * An opportunity came into being from a qualified lead; the sales process is at {@code processStage}; owned by
 * {@code ownerId}. Revision 2 added the owner (revision 1 events are read with the user who qualified the lead:
 * platform.upcasting).
 */
@Revision("2")
public record OpportunityCreated(String opportunityId, OpportunityDetails details, Customer customer,
                                 String accountId, String contactId, String originatingLeadId,
                                 ProcessStage processStage, String ownerId) {
}

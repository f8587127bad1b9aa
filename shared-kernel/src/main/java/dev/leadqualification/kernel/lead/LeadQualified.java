package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The lead was qualified: the decision, complete. Records to create carry their new id and their details
 * (null when not created); linked records are existing ones used instead; {@code ownerId} owns the created records
 * (the request's choice, else the lead's owner). The qualification saga carries it out. Revision 2 added the owner
 * (revision 1 events are read with the user who qualified the lead: platform.upcasting).
 */
@Revision("2")
public record LeadQualified(
        String leadId,
        String qualificationId,
        String accountId, AccountDetails account,
        String contactId, ContactDetails contact,
        String opportunityId, OpportunityDetails opportunity,
        String linkedAccountId,
        String linkedContactId,
        List<SkippedRecord> skipped,
        List<String> noteIds,
        DuplicateResolution duplicateResolution,
        ProcessStage processStage,
        String ownerId) {

    /** The account the other records hang under: the new one, else the linked one. */
    public String customerAccountId() {
        return accountId != null ? accountId : linkedAccountId;
    }

    /** The contact the opportunity names: the new one, else the linked one. */
    public String customerContactId() {
        return contactId != null ? contactId : linkedContactId;
    }
}

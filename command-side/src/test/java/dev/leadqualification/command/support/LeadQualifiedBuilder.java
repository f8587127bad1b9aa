package dev.leadqualification.command.support;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.lead.DuplicateResolution;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.QualificationResult;
import dev.leadqualification.kernel.lead.LeadStatus;
import dev.leadqualification.kernel.lead.SkippedRecord;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;

import java.util.List;

/**
 * A {@link LeadQualified} event of {@link LeadSamples#LEAD_ID} and {@link LeadSamples#QUALIFICATION_ID}: nothing
 * created, linked or skipped, no notes, stage QUALIFY, until a test says otherwise.
 */
public final class LeadQualifiedBuilder {

    private String qualificationId = LeadSamples.QUALIFICATION_ID;
    private String accountId;
    private AccountDetails account;
    private String contactId;
    private ContactDetails contact;
    private String opportunityId;
    private OpportunityDetails opportunity;
    private String linkedAccountId;
    private String linkedContactId;
    private List<SkippedRecord> skipped = List.of();
    private List<String> noteIds = List.of();
    private DuplicateResolution duplicateResolution;
    private ProcessStage processStage = ProcessStage.QUALIFY;
    private String ownerId = "sam";

    private LeadQualifiedBuilder() {
    }

    public static LeadQualifiedBuilder qualified() {
        return new LeadQualifiedBuilder();
    }

    /** Who owns the records it creates; {@code sam}, the sample lead's owner, unless set. */
    public LeadQualifiedBuilder ownerId(String owner) {
        ownerId = owner;
        return this;
    }

    public LeadQualifiedBuilder qualificationId(String id) {
        qualificationId = id;
        return this;
    }

    public LeadQualifiedBuilder account(AccountDetails details) {
        accountId = LeadSamples.NEW_ACCOUNT_ID;
        account = details;
        return this;
    }

    public LeadQualifiedBuilder contact(ContactDetails details) {
        contactId = LeadSamples.NEW_CONTACT_ID;
        contact = details;
        return this;
    }

    public LeadQualifiedBuilder opportunity(OpportunityDetails details) {
        opportunityId = LeadSamples.NEW_OPPORTUNITY_ID;
        opportunity = details;
        return this;
    }

    public LeadQualifiedBuilder processStage(ProcessStage stage) {
        processStage = stage;
        return this;
    }

    public LeadQualifiedBuilder linkedAccount(String id) {
        linkedAccountId = id;
        return this;
    }

    public LeadQualifiedBuilder linkedContact(String id) {
        linkedContactId = id;
        return this;
    }

    public LeadQualifiedBuilder skipped(SkippedRecord... records) {
        skipped = List.of(records);
        return this;
    }

    public LeadQualifiedBuilder noteIds(String... ids) {
        noteIds = List.of(ids);
        return this;
    }

    public LeadQualifiedBuilder duplicateResolution(DuplicateResolution resolution) {
        duplicateResolution = resolution;
        return this;
    }

    public LeadQualified build() {
        return new LeadQualified(LeadSamples.LEAD_ID, qualificationId, accountId, account, contactId, contact,
                opportunityId, opportunity, linkedAccountId, linkedContactId, skipped, noteIds, duplicateResolution,
                processStage, ownerId);
    }

    /** The answer the lead gives for this qualification. */
    public QualificationResult result() {
        return new QualificationResult(LeadSamples.LEAD_ID, LeadStatus.QUALIFIED, accountId, contactId, opportunityId,
                linkedAccountId, linkedContactId, skipped, processStage);
    }
}

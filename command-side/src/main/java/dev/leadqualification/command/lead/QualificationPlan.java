package dev.leadqualification.command.lead;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.InvalidField;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.common.RecordType;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.NewRecordIds;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.lead.SkippedRecord;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import dev.leadqualification.kernel.settings.QualificationSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Decides what qualifying a lead creates, links and skips (qualify rules 2 and 3 of API.md, and the links a
 * duplicate resolution chose), and maps the lead's fields onto the new records (its source onto the contact, its source
 * and campaign onto the opportunity), owned by {@code ownerId}. Pure: the Lead aggregate checks
 * its state and the duplicates, and records the result.
 */
final class QualificationPlan {

    private QualificationPlan() {
    }

    /** Which records the salesperson's flags, else the organisation's setting, ask for. */
    record Selection(boolean account, boolean contact, boolean opportunity) {

        static Selection of(QualifyOptions options, QualificationSettings settings) {
            if (options.recordsChosen()) {
                return new Selection(Boolean.TRUE.equals(options.createAccount()),
                        Boolean.TRUE.equals(options.createContact()),
                        Boolean.TRUE.equals(options.createOpportunity()));
            }
            if (!settings.createRecordsByDefault()) {
                throw LeadRules.recordSelectionRequired();
            }
            return new Selection(true, true, true);
        }
    }

    /** Matched duplicates the salesperson chose to link instead of creating new records (either may be null). */
    record DuplicateLinks(String accountId, String contactId) {
        static final DuplicateLinks NONE = new DuplicateLinks(null, null);
    }

    static LeadQualified decide(String leadId, LeadDetails lead, QualificationDetails qualification,
                                List<String> noteIds, QualifyOptions options, Selection selection, NewRecordIds ids,
                                DuplicateLinks duplicates, String ownerId) {
        List<SkippedRecord> skipped = new ArrayList<>();
        String linkedAccountId = firstNonNull(lead.existingAccountId(), duplicates.accountId());
        String linkedContactId = firstNonNull(lead.existingContactId(), duplicates.contactId());

        boolean createAccount = selection.account() && linkedAccountId == null && lead.hasCompany();
        if (selection.account() && linkedAccountId != null) {
            skipped.add(linked(RecordType.ACCOUNT, lead.existingAccountId()));
        } else if (selection.account() && !lead.hasCompany()) {
            skipped.add(new SkippedRecord(RecordType.ACCOUNT, SkippedRecord.Reason.NO_COMPANY_NAME));
        }
        boolean createContact = selection.contact() && linkedContactId == null;
        if (selection.contact() && linkedContactId != null) {
            skipped.add(linked(RecordType.CONTACT, lead.existingContactId()));
        }
        boolean createOpportunity = selection.opportunity();

        String accountId = createAccount ? ids.accountId() : null;
        String customerAccountId = accountId != null ? accountId : linkedAccountId;
        return new LeadQualified(
                leadId,
                ids.qualificationId(),
                accountId, createAccount ? account(lead) : null,
                createContact ? ids.contactId() : null, createContact ? contact(lead, customerAccountId) : null,
                createOpportunity ? ids.opportunityId() : null,
                createOpportunity ? opportunity(lead, qualification, options) : null,
                linkedAccountId,
                linkedContactId,
                List.copyOf(skipped),
                List.copyOf(noteIds),
                options.duplicateResolution(),
                createOpportunity ? ProcessStage.DEVELOP : ProcessStage.QUALIFY,
                ownerId);
    }

    /** Linked instead of created: the lead's known customer, else a duplicate the salesperson chose. */
    private static SkippedRecord linked(RecordType record, String existingId) {
        return new SkippedRecord(record, existingId != null
                ? SkippedRecord.Reason.EXISTING_RECORD_LINKED : SkippedRecord.Reason.DUPLICATE_LINKED);
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private static AccountDetails account(LeadDetails lead) {
        return new AccountDetails(lead.companyName().trim(), lead.email(), lead.businessPhone(), lead.website(),
                lead.address());
    }

    private static ContactDetails contact(LeadDetails lead, String parentAccountId) {
        return new ContactDetails(lead.firstName(), lead.lastName(), lead.jobTitle(), lead.email(),
                lead.businessPhone(), lead.mobilePhone(), lead.address(), parentAccountId, lead.leadSource());
    }

    private static OpportunityDetails opportunity(LeadDetails lead, QualificationDetails qualification,
                                                  QualifyOptions options) {
        return new OpportunityDetails(lead.topic(), qualification, lead.estimatedValue(), lead.estimatedCloseDate(),
                lead.description(), currency(lead, qualification, options), lead.leadSource(), lead.campaign());
    }

    /**
     * The opportunity's currency: the request's choice, else the lead's amounts' currency. Amounts are never
     * converted, so a chosen currency that differs from the lead's estimated value is refused.
     */
    private static String currency(LeadDetails lead, QualificationDetails qualification, QualifyOptions options) {
        String leadCurrency = Stream.of(lead.estimatedValue(), qualification.budgetAmount())
                .filter(Objects::nonNull).map(Money::currency).findFirst().orElse(null);
        String chosen = options.opportunityCurrency();
        if (chosen != null && lead.estimatedValue() != null && !chosen.equals(lead.estimatedValue().currency())) {
            throw new InvalidField("opportunityCurrency", "differs from the currency of the lead's estimated value ("
                    + lead.estimatedValue().currency() + "); amounts are not converted");
        }
        return chosen != null ? chosen : leadCurrency;
    }
}

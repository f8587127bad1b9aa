package dev.leadqualification.command.lead;

import dev.leadqualification.kernel.common.ChoiceRequired;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.common.RecordType;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The refusals of a lead's life cycle, with the slugs and wording of API.md. */
final class LeadRules {

    private LeadRules() {
    }

    static DomainRuleViolation closedForChanges() {
        return new DomainRuleViolation("lead-closed",
                "The lead is closed: a qualified or disqualified lead can't be changed. Reactivate it first.");
    }

    static DomainRuleViolation closedForQualification() {
        return new DomainRuleViolation("lead-closed",
                "The lead is closed: a qualified or disqualified lead can't be qualified again. Reactivate it first.");
    }

    static DomainRuleViolation closedForDisqualification() {
        return new DomainRuleViolation("lead-closed",
                "The lead is closed: a qualified or disqualified lead can't be disqualified. Reactivate it first.");
    }

    static final String HAS_OPEN_OPPORTUNITY =
            "An opportunity from this lead is open, so the lead can't be disqualified. Close the opportunity first.";

    static DomainRuleViolation hasOpenOpportunity(Collection<String> opportunityIds) {
        return new DomainRuleViolation("lead-has-opportunity", HAS_OPEN_OPPORTUNITY,
                Map.of("opportunityIds", List.copyOf(opportunityIds)));
    }

    static DomainRuleViolation alreadyOpen() {
        return new DomainRuleViolation("lead-open", "The lead is already open.");
    }

    static DomainRuleViolation idTaken(String leadId) {
        return new DomainRuleViolation("id-conflict",
                "A lead with id " + leadId + " already exists with other details.");
    }

    static ChoiceRequired recordSelectionRequired() {
        return new ChoiceRequired("record-selection-required",
                "Choose which records to create: the organisation does not create them by default.",
                Map.of("choices", List.of(RecordType.ACCOUNT, RecordType.CONTACT, RecordType.OPPORTUNITY)));
    }
}

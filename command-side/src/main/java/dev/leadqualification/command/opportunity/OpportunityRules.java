package dev.leadqualification.command.opportunity;

import dev.leadqualification.kernel.common.DomainRuleViolation;

/** The refusals of an opportunity's life cycle, with the slugs and wording of API.md. */
final class OpportunityRules {

    static final String CLOSED = "The opportunity is closed: a won or lost opportunity can't be changed. Reopen it first.";
    static final String OPEN = "The opportunity is already open.";

    private OpportunityRules() {
    }

    static DomainRuleViolation closed() {
        return new DomainRuleViolation("opportunity-closed", CLOSED);
    }

    static DomainRuleViolation alreadyOpen() {
        return new DomainRuleViolation("opportunity-open", OPEN);
    }
}

package dev.leadqualification.kernel.common;

/**
 * A change refused because of who asks for it, not because of the record's state (e.g. {@code not-owner}): answered
 * 403 with the rule's slug.
 */
public class Forbidden extends DomainRuleViolation {

    public Forbidden(String rule, String message) {
        super(rule, message);
    }
}

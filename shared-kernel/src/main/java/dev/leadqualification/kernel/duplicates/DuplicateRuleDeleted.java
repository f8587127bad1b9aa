package dev.leadqualification.kernel.duplicates;

/** The rule is gone. */
public record DuplicateRuleDeleted(String ruleId) {
}

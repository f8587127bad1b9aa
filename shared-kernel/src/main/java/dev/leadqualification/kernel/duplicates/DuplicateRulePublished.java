package dev.leadqualification.kernel.duplicates;

/** The rule takes effect: creates and qualifications are checked against it. */
public record DuplicateRulePublished(String ruleId) {
}

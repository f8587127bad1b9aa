package dev.leadqualification.kernel.duplicates;

/** The rule no longer takes effect. */
public record DuplicateRuleUnpublished(String ruleId) {
}
